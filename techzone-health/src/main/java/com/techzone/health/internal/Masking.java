package com.techzone.health.internal;

import java.util.regex.Pattern;

/** Removes secrets from any text a report may carry: JDBC URLs and SQL password literals. */
public final class Masking {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|sslpassword)=)[^&;\\s]*");
    /**
     * {@code user:password@} credentials: after {@code //} as in a URL, and also where a driver's message quotes the
     * URL's authority alone (pgjdbc reads {@code jdbc:postgresql://user:pw@host/db} as a host named
     * {@code user:pw@host} and names it in an {@code UnknownHostException}).
     */
    private static final Pattern USER_INFO = Pattern.compile("((?:^|[\\s/\"'(=,\\[])[^/:@\\s\"'(),=\\[]+:)[^@/\\s]+@");
    private static final Pattern SQL_PASSWORD = Pattern.compile("(?i)(password\\s+)'(?:[^']|'')*'");

    private Masking() {
    }

    /**
     * The text with {@code password=...} parameters, {@code user:password@} credentials and
     * {@code PASSWORD '...'} literals replaced by {@code ****}; null stays null.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1****");
        masked = USER_INFO.matcher(masked).replaceAll("$1****@");
        return SQL_PASSWORD.matcher(masked).replaceAll("$1'****'");
    }
}
