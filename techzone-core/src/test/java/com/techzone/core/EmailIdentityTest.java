package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.user.Accounts;
import com.techzone.core.user.DuplicateEmailException;
import com.techzone.core.user.ErasureOutcome;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.PasswordHasher;
import com.techzone.core.user.User;
import com.techzone.migrations.TechzoneMigrations;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 15, item 5: one address is one account, whatever its Unicode form and letter case, also on
 * a database whose LC_CTYPE is C (where PostgreSQL's lower() folds ASCII only).
 */
@TechzoneDatabaseTest
class EmailIdentityTest {

    private static final String JOSE_NFC = Normalizer.normalize("josé.test@shop.test", Normalizer.Form.NFC);
    private static final String JOSE_NFD = Normalizer.normalize("josé.test@shop.test", Normalizer.Form.NFD);

    @Test
    void shouldTreatTheNfcAndNfdFormsOfAnAddressAsOneAccount(TestDatabase db) {
        assertThat(JOSE_NFC).isNotEqualTo(JOSE_NFD);
        assertOneAccountPerAddress(Techzone.create(db.dataSource()), JOSE_NFC, JOSE_NFD);
    }

    @Test
    void shouldFoldNonAsciiCaseOnADatabaseWhoseCtypeIsC(TestDatabase db) throws SQLException {
        String name = "techzone_c_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        execute(db, "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C' LC_COLLATE 'C'");
        try {
            PGSimpleDataSource c = new PGSimpleDataSource();
            c.setUrl(db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/') + 1) + name);
            c.setUser(db.user());
            c.setPassword(db.password());
            TechzoneMigrations.migrate(c);
            Techzone tz = Techzone.create(c);
            String lowered = tz.jdbi().withHandle(h -> h.createQuery("SELECT lower('É')").mapTo(String.class).one());
            assertThat(lowered).as("lower() in the C locale leaves É alone").isEqualTo("É");

            User emile = assertOneAccountPerAddress(tz, "Émile.Test@shop.test", "émile.test@shop.test");
            assertOneAccountPerAddress(tz, "JOSÉ.Test@shop.test", JOSE_NFD);

            // Erasure finds a guest message sent from the same address in another case.
            tz.contacts().create(new NewContactMessage(null, "Emile", "ÉMILE.TEST@SHOP.TEST", "Hello", "From a guest"));
            assertThat(tz.accounts(new PasswordHasher(PasswordHasher.MIN_ITERATIONS)).erase(emile.id()))
                    .isEqualTo(ErasureOutcome.DELETED);
            long contacts = tz.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM contacts").mapTo(Long.class).one());
            assertThat(contacts).isZero();
        } finally {
            execute(db, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Test
    void shouldStoreContactAndBookingAddressesNormalised() {
        NewContactMessage message = new NewContactMessage(null, "X", "Émile.Test@Shop.test", "S", "M");
        assertThat(message.email()).isEqualTo("émile.test@shop.test");
        assertThat(new NewUser(JOSE_NFD.toUpperCase(Locale.ROOT), Shop.SOME_HASH, "J", null).email()).isEqualTo(JOSE_NFC);
    }

    /** Registers {@code first}; {@code second} is refused as a duplicate and finds and logs into the same account. */
    private static User assertOneAccountPerAddress(Techzone tz, String first, String second) {
        Accounts accounts = tz.accounts(new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
        User user = accounts.register(first, "first password".toCharArray(), "First", null);

        assertThatThrownBy(() -> accounts.register(second, "second password".toCharArray(), "Second", null))
                .isInstanceOf(DuplicateEmailException.class);
        assertThatThrownBy(() -> tz.users().create(new NewUser(second, Shop.SOME_HASH, "Second", null)))
                .isInstanceOf(DuplicateEmailException.class);
        assertThat(tz.users().findByEmail(second)).map(User::id).contains(user.id());
        assertThat(accounts.authenticate(second, "first password".toCharArray())).map(User::id).contains(user.id());
        User other = tz.users().create(new NewUser("other." + System.nanoTime() + "@shop.test", Shop.SOME_HASH, "O", null));
        assertThatThrownBy(() -> tz.users().changeEmail(other.id(), second)).isInstanceOf(DuplicateEmailException.class);
        return user;
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
