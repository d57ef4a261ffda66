package com.techzone;

import java.util.regex.Pattern;

/**
 * Keeps passwords out of text: the masking every TechZone module applies to what it prints or throws
 * ({@link TechzoneException} masks its own message, health findings are masked, the command line masks its
 * output), public so that a host can print a JDBC URL or a driver's message the same way. Only
 * {@code jdbc:postgresql:} URLs and PostgreSQL's SQL are known: a secret in another form is not recognised.
 */
public final class Secrets {

    /**
     * A {@code password=} or {@code sslpassword=} value, up to the next {@code &} (pgjdbc's separator) or whitespace: a
     * password may hold any other character. A value that already reads {@code ****} is left alone, so masking twice
     * changes nothing: text masked before a {@code :} was appended keeps it.
     */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|sslpassword)=)(?!\\*{4})[^&\\s]*");
    /**
     * {@code user:password@} credentials, the user possibly empty ({@code //:pw@host}) and the password possibly holding
     * an {@code @} (up to the last one before a {@code /} or whitespace): after {@code //} as in a URL, and also where a
     * driver's message quotes the URL's authority alone (pgjdbc reads {@code jdbc:postgresql://user:pw@host/db} as a
     * host named {@code user:pw@host} and names it in an {@code UnknownHostException}).
     */
    private static final Pattern USER_INFO = Pattern.compile("((?:^|[\\s/\"'(=,\\[])[^/:@\\s\"'(),=\\[]*:)(?!\\*{4}@)[^/\\s]+@");
    /**
     * {@code PASSWORD '...'} of {@code CREATE ROLE} / {@code ALTER ROLE}: a string constant, quotes doubled inside, with
     * C-style escapes ({@code E'...'}), or dollar-quoted ({@code $$...$$}, {@code $tag$...$tag$}).
     */
    private static final Pattern SQL_PASSWORD = Pattern.compile(
            "(?i)(password\\s+)(?:E'(?:[^'\\\\]|''|\\\\.)*'|'(?:[^']|'')*'|\\$([A-Za-z_][A-Za-z_0-9]*|)\\$.*?\\$\\2\\$)", Pattern.DOTALL);
    /** Anything between {@code //} and {@code @} in the authority of a URL: pgjdbc does not read it as credentials. */
    private static final Pattern AUTHORITY_USER_INFO = Pattern.compile("^jdbc:postgresql://[^/?#]*@");

    private Secrets() {
    }

    /**
     * The text with {@code password=...} and {@code sslpassword=...} parameter values, {@code user:password@}
     * credentials and SQL {@code PASSWORD '...'} literals replaced by {@code ****}; null stays null. Masking masked text
     * changes nothing (a parameter value that begins with {@code ****} is taken as masked already).
     *
     * @param text any text: a JDBC URL, a driver's message, a stack trace, SQL
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1****");
        masked = USER_INFO.matcher(masked).replaceAll("$1****@");
        return SQL_PASSWORD.matcher(masked).replaceAll("$1'****'");
    }

    /**
     * True when a PostgreSQL JDBC URL names a user (and maybe a password) before the host, as in
     * {@code jdbc:postgresql://app:pw@db/shop}. pgjdbc reads that as a host named {@code app:pw@db}: the URL cannot
     * connect, and the driver's {@code UnknownHostException} would quote the password. Callers that take a URL refuse it.
     */
    public static boolean hasUserInfo(String jdbcUrl) {
        return jdbcUrl != null && AUTHORITY_USER_INFO.matcher(jdbcUrl).find();
    }

    /**
     * Why a URL for which {@link #hasUserInfo} is true is refused, naming it masked, for the message of the caller's
     * refusal, which names the argument before it (e.g. {@code "jdbcUrl: " + userInfoRefusal(url)}).
     */
    public static String userInfoRefusal(String jdbcUrl) {
        return "must not carry a user or password before the host (got " + mask(jdbcUrl)
                + "): pgjdbc reads them as part of the host name; give the user and password separately";
    }
}
