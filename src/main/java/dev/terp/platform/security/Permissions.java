package dev.terp.platform.security;

/** Permission names declared by routes; the security issue maps roles onto them. */
public final class Permissions {

    public static final String MASTER_DATA_READ = "masterdata:read";
    public static final String MASTER_DATA_WRITE = "masterdata:write";

    private Permissions() {
    }
}
