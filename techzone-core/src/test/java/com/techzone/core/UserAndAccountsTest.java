package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Product;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.review.NewReview;
import com.techzone.core.user.Accounts;
import com.techzone.core.user.DuplicateEmailException;
import com.techzone.core.user.ErasureOutcome;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.PasswordHasher;
import com.techzone.core.user.Role;
import com.techzone.core.user.User;
import com.techzone.core.user.UserDao;
import com.techzone.testing.TechzoneDatabaseTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@TechzoneDatabaseTest
class UserAndAccountsTest {

    private final Shop shop;
    private final Techzone tz;
    private final Accounts accounts;

    UserAndAccountsTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
        this.accounts = tz.accounts(new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
    }

    @Test
    void shouldCreateFindRenameChangeEmailRoleAndDeactivateUsers() {
        UserDao users = tz.users();
        User ann = users.create(new NewUser("Ann@Shop.test", Shop.SOME_HASH, "Ann", null));

        assertThat(ann.role()).isEqualTo(Role.USER);
        assertThat(users.findById(ann.id())).contains(ann);
        assertThat(users.findByEmail("ann@SHOP.test")).contains(ann);
        assertThat(users.rename(ann.id(), "Ann Lee").orElseThrow().fullName()).isEqualTo("Ann Lee");
        assertThat(users.changeEmail(ann.id(), "ann.lee@shop.test").orElseThrow().email()).isEqualTo("ann.lee@shop.test");
        assertThat(users.changeRole(ann.id(), Role.ADMIN)).isTrue();
        assertThat(users.findById(ann.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(users.deactivate(ann.id())).isTrue();
        assertThat(users.findById(ann.id()).orElseThrow().active()).isFalse();
        assertThat(users.rename(UUID.randomUUID(), "Nobody")).isEmpty();
    }

    @Test
    void shouldRefuseAnEmailThatDiffersOnlyInCase() {
        tz.users().create(new NewUser("bob@shop.test", Shop.SOME_HASH, "Bob", null));

        assertThatThrownBy(() -> tz.users().create(new NewUser("BOB@Shop.Test", Shop.SOME_HASH, "Bob 2", null)))
                .isInstanceOfSatisfying(DuplicateEmailException.class, e -> {
                    assertThat(e.email()).isEqualTo("bob@shop.test");
                    assertThat(e.constraint()).contains("uq_users_email_lower");
                    assertThat(e.sqlState()).contains("23505");
                });
        assertThat(shop.count("SELECT count(*) FROM users WHERE lower(email) = 'bob@shop.test'")).isEqualTo(1);
    }

    @Test
    void shouldRefuseMalformedUserValuesBeforeSql() {
        assertThatThrownBy(() -> new NewUser("no-at-sign", Shop.SOME_HASH, "X", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewUser("a b@c.d", Shop.SOME_HASH, "X", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewUser("a@b.c", "", "X", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewUser("a@b.c", Shop.SOME_HASH, "x".repeat(201), null)).isInstanceOf(InvalidInputException.class);
        assertThat(new NewUser("a@b.c", "secret-hash", "X", null).toString()).doesNotContain("secret-hash");
    }

    @Test
    void shouldPageThroughUsersById() {
        for (int i = 0; i < 5; i++) {
            shop.customer();
        }
        List<UUID> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<User> page = tz.users().list(cursor, 2);
            page.items().forEach(u -> ids.add(u.id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(ids).hasSize((int) tz.users().count()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldRegisterWithAHashedPasswordAndAuthenticate() {
        User carol = accounts.register("carol@shop.test", "correct horse".toCharArray(), "Carol", null);

        String stored = shop.withTables(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", carol.id()).mapTo(String.class).one());
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("correct horse");
        assertThat(carol.toString()).doesNotContain(stored);
        Instant beforeLogin = shop.databaseClock();
        Optional<User> signedIn = accounts.authenticate("CAROL@shop.test", "correct horse".toCharArray());
        Instant afterLogin = shop.databaseClock();
        assertThat(signedIn).hasValueSatisfying(u -> assertThat(u.lastLoginAt()).isBetween(beforeLogin, afterLogin));
        assertThat(accounts.authenticate("carol@shop.test", "wrong horse".toCharArray())).isEmpty();
        assertThat(accounts.authenticate("nobody@shop.test", "correct horse".toCharArray())).isEmpty();

        accounts.changePassword(carol.id(), "battery staple".toCharArray());
        assertThat(accounts.authenticate("carol@shop.test", "correct horse".toCharArray())).isEmpty();
        assertThat(accounts.authenticate("carol@shop.test", "battery staple".toCharArray())).isPresent();
        assertThatThrownBy(() -> accounts.register("dave@shop.test", "short".toCharArray(), "Dave", null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldAnswerEveryFailedLoginWithNothingAndWipeThePassword() {
        accounts.register("erin@shop.test", "correct horse".toCharArray(), "Erin", null);

        char[] wrong = "wrong horse".toCharArray();
        assertThat(accounts.authenticate("erin@shop.test", wrong)).isEmpty();
        assertThat(wrong).containsOnly('\0');
        char[] withoutEmail = "correct horse".toCharArray();
        assertThat(accounts.authenticate(null, withoutEmail)).isEmpty();
        assertThat(withoutEmail).containsOnly('\0');
        assertThat(accounts.authenticate("erin@shop.test", null)).isEmpty();
        char[] unknown = "correct horse".toCharArray();
        assertThat(accounts.authenticate("nobody@shop.test", unknown)).isEmpty();
        assertThat(unknown).containsOnly('\0');
        // NUL anywhere in the email, the first character included: an unknown account, never a driver error.
        for (String email : List.of("\0erin@shop.test", "erin@shop.test\0")) {
            char[] password = "correct horse".toCharArray();
            assertThat(accounts.authenticate(email, password)).isEmpty();
            assertThat(password).containsOnly('\0');
        }
    }

    @Test
    void shouldWipeThePasswordArrayAfterHashing() {
        char[] password = "wipe me please".toCharArray();
        new PasswordHasher(PasswordHasher.MIN_ITERATIONS).hash(password);
        assertThat(new String(password)).isEqualTo("\0".repeat(14));
    }

    @Test
    void shouldDeleteAUserWithoutOrdersOnErasure() {
        User eve = shop.customer();
        Product p = shop.product("1.00", 3);
        tz.reviews().create(NewReview.ofProduct(eve.id(), p.id(), 4, null, null));
        tz.contacts().create(new NewContactMessage(eve.id(), "Eve", "eve@mail.test", "Hi", "Hello"));

        assertThat(accounts.erase(eve.id())).isEqualTo(ErasureOutcome.DELETED);

        assertThat(tz.users().findById(eve.id())).isEmpty();
        assertThat(shop.count("SELECT count(*) FROM reviews WHERE user_id = '" + eve.id() + "'")).isZero();
        assertThat(shop.count("SELECT count(*) FROM contacts WHERE user_id = '" + eve.id() + "'")).isZero();
    }

    @Test
    void shouldAnonymiseAUserWithOrdersInsteadOfDeleting() {
        User frank = accounts.register("frank@shop.test", "frank's password".toCharArray(), "Frank Smith", null);
        Product p = shop.product("1.00", 3);
        tz.carts().add(frank.id(), p.id(), 1);
        UUID orderId = tz.checkout().checkout(CheckoutRequest.of(frank.id())).order().id();

        assertThatThrownBy(() -> tz.users().delete(frank.id()))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.constraint()).contains("fk_orders_user_id"));
        Instant beforeErasure = shop.databaseClock();
        assertThat(accounts.erase(frank.id())).isEqualTo(ErasureOutcome.ANONYMIZED);
        Instant afterErasure = shop.databaseClock();

        User erased = tz.users().findById(frank.id()).orElseThrow();
        assertThat(erased.email()).doesNotContain("frank");
        assertThat(erased.fullName()).doesNotContain("Frank");
        assertThat(erased.active()).isFalse();
        assertThat(erased.anonymizedAt()).isBetween(beforeErasure, afterErasure);
        assertThat(tz.orders().findById(orderId)).isPresent();
        assertThat(accounts.authenticate("frank@shop.test", "frank's password".toCharArray())).isEmpty();
        assertThatThrownBy(() -> accounts.erase(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }
}
