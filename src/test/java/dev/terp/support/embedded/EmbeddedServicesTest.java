package dev.terp.support.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts an instance of its own (not the JVM-wide one other tests may be using) so that it can stop it. */
class EmbeddedServicesTest {

    @Test
    void startsRealMariaDbAndRedisAndRemovesEverythingOnStop() throws Exception {
        EmbeddedServices services = EmbeddedServices.start(EmbeddedServices.Options.ephemeral());
        Path root = services.root();
        try {
            assertThat(processesUsing(root)).as("mariadbd and redis-server").hasSize(2);
            assertThat(queryDatabaseName(services)).isEqualTo(EmbeddedServices.DATABASE);
            assertThat(redisReply(services.redisPort(), "PING")).isEqualTo("+PONG");
        }
        finally {
            services.stop();
        }
        assertThat(root).doesNotExist();
        assertThat(processesUsing(root)).isEmpty();
    }

    private static String queryDatabaseName(EmbeddedServices services) throws SQLException {
        try (Connection connection = DriverManager.getConnection(services.jdbcUrl(), EmbeddedServices.USER,
                EmbeddedServices.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT DATABASE()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String redisReply(int port, String command) throws IOException {
        try (Socket socket = new Socket(EmbeddedServices.HOST, port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            for (int next = in.read(); next != -1 && next != '\r'; next = in.read()) {
                reply.append((char) next);
            }
            return reply.toString();
        }
    }

    /** Both servers run from binaries below the instance's root directory, so their command lines name it. */
    private static List<ProcessHandle> processesUsing(Path root) {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains(root.toString()))
                .toList();
    }
}
