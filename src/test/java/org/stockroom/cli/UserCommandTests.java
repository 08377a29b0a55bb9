package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.testing.PostgresTestDatabase;

class UserCommandTests {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return StockroomCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(args);
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void addsChangesAndDisablesUsersWithoutSigningIn() throws Exception {
        assertThat(run(
                        "a-long-user-password\n",
                        "user",
                        "add",
                        "sam",
                        "--role",
                        "STAFF",
                        "--password-stdin",
                        "--data",
                        data.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Added sam (STAFF)");
        String firstHash = query("SELECT password_hash FROM app_user WHERE username = 'sam'");
        assertThat(firstHash).startsWith("{bcrypt}");

        assertThat(run(
                        "another-long-password\n",
                        "user",
                        "passwd",
                        "sam",
                        "--password-stdin",
                        "--data",
                        data.toString()))
                .isZero();
        assertThat(query("SELECT password_hash FROM app_user WHERE username = 'sam'"))
                .isNotEqualTo(firstHash);

        assertThat(run("", "user", "disable", "sam", "--data", data.toString())).isZero();
        assertThat(query("SELECT CASE WHEN disabled THEN 'yes' ELSE 'no' END FROM app_user WHERE username = 'sam'"))
                .isEqualTo("yes");
        assertThat(query("SELECT actor FROM audit_event ORDER BY id DESC LIMIT 1"))
                .isEqualTo("cli");
    }

    @Test
    void aWeakPasswordIsOneLineAndExitCode2AndAddsNobody() throws Exception {
        int exit =
                run("short\n", "user", "add", "sam", "--role", "STAFF", "--password-stdin", "--data", data.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("error: password: must be at least 10 characters")
                .doesNotContain("\n");
        assertThat(query("SELECT COUNT(*) FROM app_user")).isEqualTo("0");
    }

    @Test
    void anUnknownUserIsRefused() {
        assertThat(run("", "user", "disable", "nobody", "--data", data.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("unknown-user");
    }

    private String query(String sql) throws SQLException {
        try (Connection c = open();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The database the command wrote to: the data directory's SQLite file, or its schema in the suite's PostgreSQL run. */
    private Connection open() throws SQLException {
        if (PostgresTestDatabase.active()) {
            return DriverManager.getConnection(
                    PostgresTestDatabase.schemaUrl(PostgresTestDatabase.schemaFor(data)),
                    PostgresTestDatabase.user(),
                    PostgresTestDatabase.password());
        }
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stockroom.db"));
    }
}
