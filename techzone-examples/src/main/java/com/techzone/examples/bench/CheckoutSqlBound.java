package com.techzone.examples.bench;

import com.techzone.core.order.Checkout;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The checkout's own SQL run by pgbench: what this server can do with the statements a checkout
 * sends when the client costs next to nothing. Each pgbench transaction checks out one cart:
 * {@code BEGIN}, the cart lock of {@code lockCart.sql} (its rows aggregated into the arrays the order
 * statement binds, read back with {@code \gset}), the order statement of {@code placeOrder.sql}
 * unchanged, {@code COMMIT}. There is no client-side work: no stock check, no totals in Java, ids made
 * by the server. Each pgbench client {@code c} takes the carts {@code c}, {@code c + clients},
 * {@code c + 2 clients}, ... through a numbered table of the users, so every cart is checked out once.
 */
final class CheckoutSqlBound implements AutoCloseable {

    private static final String CARTS = "bench_pgbench_carts";
    /** The order statement's parameters that the benchmark's checkouts leave null. */
    private static final List<String> NULL_PARAMETERS = List.of(":shippingAddress", ":idempotencyKey",
            ":idempotencyFingerprint");

    private final HikariDataSource pool;
    private final CheckoutWorkload.Pgbench pgbench;
    private final BenchContext context;
    private final Path script;
    private final int carts;
    private final String idFunction;

    private CheckoutSqlBound(HikariDataSource pool, CheckoutWorkload.Pgbench pgbench, BenchContext context, Path script,
                             int carts, String idFunction) {
        this.pool = pool;
        this.pgbench = pgbench;
        this.context = context;
        this.script = script;
        this.carts = carts;
        this.idFunction = idFunction;
    }

    /** One client count's outcome: orders/s, CPU per order (ms), or the error pgbench gave. */
    record Run(Double tps, Double clientCpuMsPerOrder, Double serverCpuMsPerOrder, String error) {
    }

    /** Numbers the users whose carts pgbench will check out, and writes the script; null without a host and port. */
    static CheckoutSqlBound prepare(HikariDataSource pool, CheckoutWorkload.Pgbench pgbench, BenchContext context,
                                    List<UUID> users) throws SQLException, IOException {
        if (context.server().hostAndPort().isEmpty()) {
            return null;
        }
        String idFunction;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + CARTS);
            s.execute("CREATE TABLE " + CARTS + " (k int PRIMARY KEY, user_id uuid NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + CARTS
                    + " SELECT k - 1, u FROM unnest(?::uuid[]) WITH ORDINALITY AS t(u, k)")) {
                ps.setArray(1, c.createArrayOf("uuid", users.toArray()));
                ps.executeUpdate();
            }
            s.execute("ANALYZE " + CARTS);
            try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int >= 180000")) {
                rs.next();
                // The library makes UUIDv7 ids (time-ordered: new index entries land on the right edge);
                // random ones would make the bound slower than the checkout it bounds.
                idFunction = rs.getBoolean(1) ? "uuidv7" : "gen_random_uuid";
            }
        }
        Path script = Files.createTempFile("techzone-checkout-", ".pgbench");
        Files.writeString(script, script(idFunction), StandardCharsets.UTF_8);
        return new CheckoutSqlBound(pool, pgbench, context, script, users.size(), idFunction);
    }

    /** The pgbench script: the library's two statements, as the resources hold them. */
    static String script(String idFunction) {
        ClasspathSqlLocator locator = ClasspathSqlLocator.removingComments();
        String lockCart = locator.locate(Checkout.class, "lockCart").replace("<schema>.", "").strip();
        String placeOrder = locator.locate(Checkout.class, "placeOrder").replace("<schema>.", "").strip();
        for (String p : NULL_PARAMETERS) {
            placeOrder = placeOrder.replace(p, "NULL");
        }
        String id = idFunction + "()";
        return """
                \\set i :i + 1
                \\set k :client_id + :nclients * :i
                BEGIN;
                SELECT %1$s AS "orderId", %1$s AS "historyId", u.user_id AS "userId", 'USD' AS currency,
                       0 AS tax, 0 AS shipping, 0 AS discount,
                       sum(x.price * x.quantity) AS subtotal, sum(x.price * x.quantity) AS total,
                       array_agg(%1$s) AS "itemIds", array_agg(%1$s) AS "logIds", array_agg(x.product_id) AS "productIds",
                       array_agg(x.quantity) AS quantities, array_agg(x.price) AS prices, array_agg(x.name) AS names,
                       array_agg(x.sku) AS skus
                FROM %2$s u CROSS JOIN LATERAL (
                %3$s
                ) x
                WHERE u.k = :k
                GROUP BY u.user_id \\gset
                %4$s;
                COMMIT;
                """.formatted(id, CARTS, lockCart.replace(":userId", "u.user_id"), placeOrder);
    }

    String idFunction() {
        return idFunction;
    }

    /**
     * Checks out every cart once with {@code clients} pgbench clients (each its own server session: pass
     * the library side's connection count, not its thread count); the CPU figures need a local server.
     */
    Run run(int clients, Optional<ProcessCpu> serverCpu) {
        int perClient = carts / clients;
        if (perClient == 0) {
            return new Run(null, null, null, "fewer carts (" + carts + ") than clients");
        }
        String[] hostPort = context.server().hostAndPort().orElseThrow();
        Set<Long> processes = serverCpu.map(ProcessCpu::processes).orElse(Set.of());
        long serverBefore = serverCpu.map(ProcessCpu::serverNanos).orElse(0L);
        long clientBefore = ProcessCpu.reapedChildrenNanos();
        CheckoutWorkload.Pgbench.Output out = pgbench.pgbenchWithStatus(context.server(), hostPort, context.database(),
                "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                "-t", String.valueOf(perClient), "-D", "nclients=" + clients, "-D", "i=-1", "-f", script.toString());
        serverCpu.ifPresent(p -> p.awaitGone(processes));
        long clientCpu = ProcessCpu.reapedChildrenNanos() - clientBefore;
        Long serverCpuNanos = serverCpu.map(p -> p.serverNanos() - serverBefore).orElse(null);
        Matcher tps = CheckoutWorkload.Pgbench.TPS.matcher(out.text());
        Matcher done = CheckoutWorkload.Pgbench.PROCESSED.matcher(out.text());
        if (out.exitCode() != 0 || !tps.find() || !done.find()) {
            String text = out.text().strip();
            return new Run(null, null, null, "exit " + out.exitCode() + ": "
                    + text.substring(Math.max(0, text.length() - 600)).replace('\n', ' '));
        }
        long orders = Long.parseLong(done.group(1));
        if (orders == 0) {
            return new Run(null, null, null, "no transaction completed");
        }
        return new Run(Double.parseDouble(tps.group(1)), clientCpu / 1e6 / orders,
                serverCpuNanos == null ? null : serverCpuNanos / 1e6 / orders, null);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + CARTS);
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException e) {
                // a temporary file left behind
            }
        }
    }
}
