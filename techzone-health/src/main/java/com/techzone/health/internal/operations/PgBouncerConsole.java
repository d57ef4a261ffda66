package com.techzone.health.internal.operations;

import com.techzone.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * PgBouncer's admin console, spoken to over the PostgreSQL wire protocol (simple queries only),
 * without pgjdbc: since 42.7.5 the driver sends {@code SET extra_float_digits} after connecting to
 * a "server" older than 12, and the consoles of PgBouncer before 1.25 refuse it ("SET failed"), so
 * no pgjdbc connection to them can open. Authentication: trust, cleartext, md5 and SCRAM-SHA-256.
 * Plain TCP (no TLS): point it at a console on the same host or a trusted network.
 *
 * @param host PgBouncer's host
 * @param port its port
 * @param user a user in {@code admin_users} or {@code stats_users}
 * @param password its password, or null; never in {@link #toString()}
 */
public record PgBouncerConsole(String host, int port, String user, String password) {

    private static final int PROTOCOL_3 = 196_608;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Reads host, port, user and password from a {@code jdbc:postgresql://host:port/pgbouncer} URL;
     * the given user and password win over the URL's {@code user=} and {@code password=}.
     *
     * @throws IllegalArgumentException unless such a URL (database {@code pgbouncer}), without a user or password
     *     before the host
     */
    public static PgBouncerConsole of(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.matches("jdbc:postgresql://[^/?]+/pgbouncer([?].*)?")) {
            throw new IllegalArgumentException("pgbouncerAdmin must be the JDBC URL of PgBouncer's admin console, "
                    + "jdbc:postgresql://host:port/pgbouncer, got: " + Secrets.mask(jdbcUrl == null ? null : jdbcUrl.replaceAll("[?].*", "?...")));
        }
        if (Secrets.hasUserInfo(jdbcUrl)) {
            throw new IllegalArgumentException("pgbouncerAdmin " + Secrets.userInfoRefusal(jdbcUrl));
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String u = user != null ? user : query.getOrDefault("user", System.getProperty("user.name"));
        String p = password != null ? password : query.get("password");
        return new PgBouncerConsole(uri.getHost(), uri.getPort() < 0 ? 6432 : uri.getPort(), u, p);
    }

    /**
     * Runs an admin command ({@code SHOW POOLS}, ...) and returns its rows, each a map from column
     * name to text value (null for NULL), in order.
     *
     * @param timeout connect and read timeout
     * @throws SQLException if the console cannot be reached, refuses the login or the command
     */
    public List<Map<String, String>> show(String command, Duration timeout) throws SQLException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(CONNECT_TIMEOUT.toMillis(), timeout.toMillis()));
            socket.setSoTimeout((int) timeout.toMillis());
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            startup(in, out);
            send(out, 'Q', cstring(command));
            List<String> columns = new ArrayList<>();
            List<Map<String, String>> rows = new ArrayList<>();
            while (true) {
                char type = (char) in.readUnsignedByte();
                byte[] body = body(in);
                switch (type) {
                    case 'T' -> columns = columns(body);
                    case 'D' -> rows.add(row(body, columns));
                    case 'E' -> throw error(body);
                    case 'Z' -> {
                        send(out, 'X', new byte[0]);
                        return rows;
                    }
                    default -> {
                        // CommandComplete, notices, parameter changes: nothing to read
                    }
                }
            }
        } catch (IOException e) {
            throw new SQLException("PgBouncer admin console at " + host + ":" + port + " unreachable: " + e.getMessage(), "08001", e);
        } catch (GeneralSecurityException e) {
            throw new SQLException("PgBouncer admin console login failed: " + e.getMessage(), "28000", e);
        }
    }

    private void startup(DataInputStream in, OutputStream out) throws IOException, SQLException, GeneralSecurityException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(packet);
        data.writeInt(PROTOCOL_3);
        data.write(cstring("user"));
        data.write(cstring(user));
        data.write(cstring("database"));
        data.write(cstring("pgbouncer"));
        data.write(0);
        DataOutputStream wire = new DataOutputStream(out);
        wire.writeInt(packet.size() + 4);
        wire.write(packet.toByteArray());
        wire.flush();
        Scram scram = null;
        while (true) {
            char type = (char) in.readUnsignedByte();
            byte[] body = body(in);
            if (type == 'E') {
                throw error(body);
            }
            if (type == 'Z') {
                return;
            }
            if (type != 'R') {
                continue;                                   // ParameterStatus, BackendKeyData, notices
            }
            DataInputStream auth = new DataInputStream(new java.io.ByteArrayInputStream(body));
            int code = auth.readInt();
            switch (code) {
                case 0 -> {
                    // authenticated
                }
                case 3 -> send(out, 'p', cstring(requirePassword()));
                case 5 -> {
                    byte[] salt = auth.readNBytes(4);
                    String inner = md5Hex((requirePassword() + user).getBytes(StandardCharsets.UTF_8));
                    byte[] outer = concat(inner.getBytes(StandardCharsets.US_ASCII), salt);
                    send(out, 'p', cstring("md5" + md5Hex(outer)));
                }
                case 10 -> {
                    scram = new Scram(requirePassword());
                    byte[] first = scram.clientFirst().getBytes(StandardCharsets.UTF_8);
                    ByteArrayOutputStream initial = new ByteArrayOutputStream();
                    DataOutputStream d = new DataOutputStream(initial);
                    d.write(cstring("SCRAM-SHA-256"));
                    d.writeInt(first.length);
                    d.write(first);
                    send(out, 'p', initial.toByteArray());
                }
                case 11 -> send(out, 'p', requireScram(scram).clientFinal(rest(auth)).getBytes(StandardCharsets.UTF_8));
                case 12 -> requireScram(scram).verifyServer(rest(auth));
                default -> throw new SQLException("PgBouncer admin console asks for an unsupported authentication (code "
                        + code + ")", "28000");
            }
        }
    }

    private String requirePassword() throws SQLException {
        if (password == null) {
            throw new SQLException("PgBouncer admin console asks for a password and none was given", "28P01");
        }
        return password;
    }

    private static Scram requireScram(Scram scram) throws SQLException {
        if (scram == null) {
            throw new SQLException("PgBouncer admin console sent a SCRAM message out of order", "08P01");
        }
        return scram;
    }

    private static String rest(DataInputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static byte[] body(DataInputStream in) throws IOException {
        int length = in.readInt();
        return in.readNBytes(length - 4);
    }

    private static void send(OutputStream out, char type, byte[] body) throws IOException {
        DataOutputStream wire = new DataOutputStream(out);
        wire.writeByte(type);
        wire.writeInt(body.length + 4);
        wire.write(body);
        wire.flush();
    }

    private static List<String> columns(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
        int count = in.readUnsignedShort();
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(readCString(in));
            in.skipNBytes(18);                              // table oid, attnum, type oid, size, modifier, format
        }
        return names;
    }

    private static Map<String, String> row(byte[] body, List<String> columns) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
        int count = in.readUnsignedShort();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int length = in.readInt();
            row.put(i < columns.size() ? columns.get(i) : "column" + i,
                    length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return row;
    }

    private static SQLException error(byte[] body) throws IOException {
        InputStream in = new java.io.ByteArrayInputStream(body);
        String message = "unknown error";
        String state = "XX000";
        int field;
        while ((field = in.read()) > 0) {
            String value = readCString(new DataInputStream(in));
            if (field == 'M') {
                message = value;
            } else if (field == 'C') {
                state = value;
            }
        }
        return new SQLException("PgBouncer admin console: " + message, state);
    }

    private static String readCString(DataInputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] cstring(String text) {
        return concat(text.getBytes(StandardCharsets.UTF_8), new byte[1]);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String md5Hex(byte[] input) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(input));
    }

    @Override
    public String toString() {
        return "PgBouncerConsole[" + host + ":" + port + ", user=" + user + ", password=****]";
    }

    /** SCRAM-SHA-256 (RFC 7677) without channel binding, as PostgreSQL and PgBouncer speak it. */
    private static final class Scram {

        private final String password;
        private final String clientFirstBare;
        private String authMessage;
        private byte[] saltedPassword;

        Scram(String password) {
            byte[] nonce = new byte[18];
            new SecureRandom().nextBytes(nonce);
            this.password = password;
            this.clientFirstBare = "n=,r=" + Base64.getEncoder().encodeToString(nonce);
        }

        String clientFirst() {
            return "n,," + clientFirstBare;
        }

        String clientFinal(String serverFirst) throws GeneralSecurityException, SQLException {
            Map<String, String> fields = fields(serverFirst);
            String nonce = fields.get("r");
            if (nonce == null || !nonce.startsWith(clientFirstBare.substring(5))) {
                throw new SQLException("PgBouncer admin console sent a SCRAM nonce that is not ours", "08P01");
            }
            byte[] salt = Base64.getDecoder().decode(fields.get("s"));
            int iterations = Integer.parseInt(fields.get("i"));
            saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            String withoutProof = "c=biws,r=" + nonce;
            authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            byte[] clientKey = hmac(saltedPassword, "Client Key");
            byte[] signature = hmac(MessageDigest.getInstance("SHA-256").digest(clientKey), authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ signature[i]);
            }
            return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
        }

        void verifyServer(String serverFinal) throws GeneralSecurityException, SQLException {
            byte[] expected = hmac(hmac(saltedPassword, "Server Key"), authMessage);
            String given = fields(serverFinal).get("v");
            if (given == null || !MessageDigest.isEqual(expected, Base64.getDecoder().decode(given))) {
                throw new SQLException("PgBouncer admin console failed to prove it knows the password", "28000");
            }
        }

        private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }

        private static Map<String, String> fields(String message) {
            Map<String, String> fields = new HashMap<>();
            for (String part : message.split(",")) {
                if (part.length() > 2 && part.charAt(1) == '=') {
                    fields.put(part.substring(0, 1), part.substring(2));
                }
            }
            return fields;
        }
    }
}
