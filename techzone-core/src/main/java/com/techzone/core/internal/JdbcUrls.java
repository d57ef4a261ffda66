package com.techzone.core.internal;

import java.util.regex.Pattern;

/** Masks the secrets a JDBC URL may carry, for messages that name the URL. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:password|sslpassword)=)[^&;\\s]*");
    /**
     * {@code user:password@} credentials: after {@code //} as in a URL, and also where a driver's message quotes the
     * URL's authority alone (pgjdbc reads {@code jdbc:postgresql://user:pw@host/db} as a host named
     * {@code user:pw@host} and names it in an {@code UnknownHostException}).
     */
    private static final Pattern USER_INFO = Pattern.compile("((?:^|[\\s/\"'(=,\\[])[^/:@\\s\"'(),=\\[]+:)[^@/\\s]+@");

    private JdbcUrls() {
    }

    /**
     * The text with every {@code password=...} parameter value and every {@code user:password@}
     * credential replaced by {@code ****}; null stays null.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1****@");
    }
}
