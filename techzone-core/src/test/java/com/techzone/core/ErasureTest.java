package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.TechzoneException;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.Service;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.review.NewReview;
import com.techzone.core.user.Accounts;
import com.techzone.core.user.ErasureOptions;
import com.techzone.core.user.ErasureOutcome;
import com.techzone.core.user.PasswordHasher;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 4: after erasure, the person's name, email and address are in no text column of
 * any table, whether tied to them by user id or by their email (guest messages and bookings).
 */
@TechzoneDatabaseTest
class ErasureTest {

    private static final String NAME = "Ingrid Erasmus";
    private static final String EMAIL = "Ingrid.Erasmus@Mail.test";
    private static final String ADDRESS = "12 Tulip Lane, Utrecht";

    private final Shop shop;
    private final Techzone tz;
    private final Accounts accounts;

    ErasureTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
        this.accounts = tz.accounts(new PasswordHasher(PasswordHasher.MIN_ITERATIONS));
    }

    @Test
    void shouldLeaveTheNameEmailAndAddressOfAnAnonymisedBuyerInNoTextColumn() {
        Person ingrid = personWithOrder(NAME, EMAIL, ADDRESS);
        Person bystander = personWithOrder("Bart Bystander", "bart@mail.test", "3 Oak Road, Leiden");
        for (String term : List.of(NAME, EMAIL, ADDRESS)) {
            assertThat(hits(term)).as("before erasure, %s is found", term).isNotEmpty();
        }

        assertThat(accounts.erase(ingrid.user.id())).isEqualTo(ErasureOutcome.ANONYMIZED);

        for (String term : List.of(NAME, "Erasmus", EMAIL, ADDRESS, "Tulip Lane")) {
            assertThat(hits(term)).as("text columns still holding %s", term).isEmpty();
        }
        assertThat(tz.orders().findById(ingrid.orderId).orElseThrow().total()).isEqualByComparingTo("20.00");
        assertThat(hits("Bart Bystander")).containsKeys("users.full_name", "contacts.name", "bookings.contact_name",
                "order_status_history.note");
        assertThat(hits("3 Oak Road")).containsKeys("orders.shipping_address");
        assertThat(tz.users().findById(bystander.user.id()).orElseThrow().email()).isEqualTo("bart@mail.test");
        assertThat(shop.count("SELECT count(*) FROM bookings WHERE service_id = '" + ingrid.serviceId
                + "' AND contact_email = 'erased@invalid' AND contact_name = 'Erased'")).as("her two slots kept, erased")
                .isEqualTo(2);
        assertThat(shop.count("SELECT count(*) FROM bookings WHERE service_id = '" + ingrid.serviceId + "'"))
                .as("bookings of her service").isEqualTo(2);
    }

    @Test
    void shouldKeepTheShippingAddressOnlyWhenTheHostSaysSo() {
        Person ingrid = personWithOrder("Kees Keeper", "kees@mail.test", "7 Ledger Street, Delft");

        assertThat(accounts.erase(ingrid.user.id(), ErasureOptions.defaults().keepingShippingAddresses()))
                .isEqualTo(ErasureOutcome.ANONYMIZED);

        // Kept as the customer wrote it, name included; nowhere else.
        assertThat(hits("7 Ledger Street, Delft")).containsOnlyKeys("orders.shipping_address");
        assertThat(hits("Kees Keeper")).containsOnlyKeys("orders.shipping_address");
        assertThat(hits("kees@mail.test")).isEmpty();
    }

    @Test
    void shouldRemoveGuestMessagesAndBookingsSentFromTheAddressOfADeletedUser() {
        Service service = shop.service();
        User olga = accounts.register("Olga.Only@Mail.test", "olga's password".toCharArray(), "Olga Only", null);
        tz.contacts().create(new NewContactMessage(null, "Olga Only", "OLGA.ONLY@mail.test", "Question", "Call me"));
        tz.bookings().book(new NewBooking(service.id(), null, "Olga Only", "olga.only@MAIL.test", slot(40), slot(41),
                "Olga Only, ring twice"));

        assertThat(accounts.erase(olga.id())).isEqualTo(ErasureOutcome.DELETED);

        assertThat(hits("Olga Only")).isEmpty();
        assertThat(hits("olga.only@mail.test")).isEmpty();
    }

    @Test
    void shouldChangeNothingWhenErasureFailsPartWay() {
        Person paula = personWithOrder("Paula Partial", "paula@mail.test", "5 Halfway Road, Gouda");
        Map<String, Long> before = hits("Paula Partial");
        // The last statement of an erasure (anonymising the account) fails: everything before it must roll back.
        tz.jdbi().useHandle(h -> h.execute("""
                CREATE FUNCTION refuse_user_update() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
                CREATE TRIGGER trg_refuse_user_update BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION refuse_user_update();
                """));
        try {
            assertThatThrownBy(() -> accounts.erase(paula.user.id())).isInstanceOf(TechzoneException.class)
                    .hasMessageContaining("refused for the test");
        } finally {
            tz.jdbi().useHandle(h -> h.execute("DROP TRIGGER trg_refuse_user_update ON users; DROP FUNCTION refuse_user_update()"));
        }

        assertThat(hits("Paula Partial")).isEqualTo(before);
        assertThat(hits("5 Halfway Road, Gouda")).containsKeys("orders.shipping_address", "order_status_history.note",
                "contacts.message", "bookings.notes");
    }

    private record Person(User user, UUID orderId, UUID serviceId) {
    }

    /** A buyer with everything the schema can hold about a person, by id and by email. */
    private Person personWithOrder(String name, String email, String address) {
        Product product = shop.product("10.00", 100);
        Product other = shop.product("3.00", 100);
        Service service = shop.service();
        User user = accounts.register(email, "a long password".toCharArray(), name, null);
        tz.carts().add(user.id(), product.id(), 2);
        UUID orderId = tz.checkout().checkout(CheckoutRequest.of(user.id()).withShippingAddress(name + ", " + address)
                .withIdempotencyKey("checkout-" + email)).order().id();
        tz.orderLifecycle().transition(orderId, OrderStatus.PROCESSING, null,
                "Staff: called " + name + " about " + address + " (" + email + ")");
        tz.carts().add(user.id(), other.id(), 1);
        tz.reviews().create(NewReview.ofProduct(user.id(), product.id(), 5, "By " + name, "Sent to " + address));
        tz.contacts().create(new NewContactMessage(user.id(), name, email, "About my order", "I live at " + address));
        tz.contacts().create(new NewContactMessage(null, name, email.toUpperCase(java.util.Locale.ROOT), "Guest question",
                "This is " + name));
        tz.bookings().book(new NewBooking(service.id(), user.id(), name, email, slot(1), slot(2), "At " + address));
        tz.bookings().book(NewBooking.guest(service.id(), name, email.toLowerCase(java.util.Locale.ROOT), slot(3), slot(4)));
        return new Person(user, orderId, service.id());
    }

    private static Instant slot(int hours) {
        return Instant.parse("2031-03-01T09:00:00Z").plus(hours, ChronoUnit.HOURS);
    }

    /**
     * Every text, varchar and jsonb column of every table of the schema (read from the catalog, so
     * a column added later is searched too) that holds {@code term}, ignoring case: "table.column" to row count.
     */
    private Map<String, Long> hits(String term) {
        return tz.jdbi().withHandle((Handle h) -> {
            List<Map<String, Object>> columns = h.createQuery("""
                    SELECT c.table_name, c.column_name
                    FROM information_schema.columns c
                    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                      AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')
                    ORDER BY 1, 2""").mapToMap().list();
            assertThat(columns).as("text columns in the schema").hasSizeGreaterThan(30);
            Map<String, Long> found = new TreeMap<>();
            for (Map<String, Object> column : columns) {
                String table = (String) column.get("table_name");
                String name = (String) column.get("column_name");
                long count = h.createQuery("SELECT count(*) FROM " + quote(table)
                                + " WHERE strpos(lower(" + quote(name) + "::text), lower(:term)) > 0")
                        .bind("term", term).mapTo(Long.class).one();
                if (count > 0) {
                    found.put(table + "." + name, count);
                }
            }
            return found;
        });
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
