package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.techzone.core.ConstraintViolationException;
import com.techzone.core.DatabaseUnavailableException;
import com.techzone.core.InvalidInputException;
import com.techzone.core.Techzone;
import com.techzone.core.TechzonePool;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.PasswordHasher;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** No password or password hash in any toString(), exception message or stack trace this library produces. */
@TechzoneDatabaseTest
class SecretsTest {

    private static final String PASSWORD = "Pw-7f3a-secret";
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/shop";

    /** Everything a log line could show of an exception: messages, causes, suppressed, stack traces. */
    private static String printed(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void shouldKeepThePasswordOutOfThePoolConfigurationAndThePool() {
        HikariConfig config = TechzonePool.config(UNREACHABLE, "shop", PASSWORD, "shop-web");
        config.setInitializationFailTimeout(-1);                 // start without a server
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertThat(config.toString()).doesNotContain(PASSWORD);
            assertThat(pool.toString()).doesNotContain(PASSWORD);
            assertThat(Techzone.create(pool).toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void shouldKeepThePasswordOutOfTheErrorsOfAFailedConnection() {
        Throwable failedStart = catchThrowable(() -> TechzonePool.create(UNREACHABLE + "?password=" + PASSWORD, "shop", PASSWORD, "shop-web"));
        assertThat(failedStart).isExactlyInstanceOf(DatabaseUnavailableException.class)
                .hasCauseExactlyInstanceOf(HikariPool.PoolInitializationException.class)
                .hasMessageStartingWith("Could not start the pool for " + UNREACHABLE + "?password=****: ");
        assertThat(((DatabaseUnavailableException) failedStart).sqlState()).contains("08001");
        assertThat(printed(failedStart)).doesNotContain(PASSWORD);

        HikariConfig config = TechzonePool.config(UNREACHABLE, "shop", PASSWORD, "shop-web");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Throwable failedCall = catchThrowable(() -> Techzone.create(pool).products().findBySku("SKU-1"));

            assertThat(failedCall).isInstanceOf(DatabaseUnavailableException.class);
            assertThat(printed(failedCall)).doesNotContain(PASSWORD);
        }
    }

    @Test
    void shouldRefuseAUrlWithCredentialsBeforeTheHostWithoutQuotingThePassword() {
        // pgjdbc reads "shop:<password>@127.0.0.1" as a host name: the pool could never connect, and the driver's
        // UnknownHostException, the pool's cause, would quote the password in every logged stack trace.
        Throwable refused = catchThrowable(() -> TechzonePool.create("jdbc:postgresql://shop:" + PASSWORD + "@127.0.0.1:1/shop",
                "shop", null, "shop-web"));

        assertThat(refused).isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("jdbcUrl: must not carry a user or password before the host "
                        + "(got jdbc:postgresql://shop:****@127.0.0.1:1/shop)")
                .hasNoCause();
        assertThat(((InvalidInputException) refused).field()).contains("jdbcUrl");
        assertThat(printed(refused)).doesNotContain(PASSWORD);
    }

    @Test
    void shouldKeepThePasswordHashOutOfRecordsAndOfARefusedRowsError(TestDatabase database) {
        String hash = new PasswordHasher(PasswordHasher.MIN_ITERATIONS).hash("correct horse battery".toCharArray());
        NewUser newUser = new NewUser("hash-owner@x.io", hash, "Reject me", null);
        assertThat(newUser.toString()).doesNotContain(hash).contains("****");
        assertThat(new PasswordHasher().toString()).doesNotContain("$");
        assertThat(User.class.getRecordComponents()).extracting(c -> c.getName().toLowerCase(java.util.Locale.ROOT))
                .noneMatch(name -> name.contains("password") || name.contains("hash"));

        // A constraint the Java validation does not mirror: the server's "Failing row contains (...)"
        // names every column of the row, the hash among them.
        database.execute("ALTER TABLE users ADD CONSTRAINT chk_test_full_name CHECK (full_name <> 'Reject me')");
        try (HikariDataSource pool = TechzonePool.create(database.jdbcUrl(), database.user(), database.password(), "secrets-test")) {
            Throwable refused = catchThrowable(() -> Techzone.create(pool).users().create(newUser));

            assertThat(refused).isInstanceOf(ConstraintViolationException.class).hasMessageContaining("chk_test_full_name");
            assertThat(printed(refused)).doesNotContain(hash).doesNotContain("Failing row");
        } finally {
            database.execute("ALTER TABLE users DROP CONSTRAINT chk_test_full_name");
        }
        Throwable unpooled = catchThrowable(() -> {
            database.execute("ALTER TABLE users ADD CONSTRAINT chk_test_full_name CHECK (full_name <> 'Reject me')");
            try {
                Techzone.create(database.dataSource()).users().create(newUser);
            } finally {
                database.execute("ALTER TABLE users DROP CONSTRAINT chk_test_full_name");
            }
        });
        assertThat(unpooled).isInstanceOf(ConstraintViolationException.class);
        assertThat(unpooled.getMessage()).as("our message, whatever the host's driver settings").doesNotContain(hash);
    }
}
