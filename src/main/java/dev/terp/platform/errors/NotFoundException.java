package dev.terp.platform.errors;

public class NotFoundException extends ApiException {

    public NotFoundException(String resource, Object id) {
        super(ErrorCode.NOT_FOUND, resource + " " + id + " does not exist");
    }
}
