package com.techzone.core.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form an email address has in this library's SQL: Unicode NFC, then lower-cased by Java's
 * locale-independent rules (so {@code É} folds to {@code é} whatever the database's LC_CTYPE; in
 * the {@code C} locale PostgreSQL's {@code lower()} folds ASCII only), then NFC again (lower-casing
 * can decompose, e.g. {@code İ}). Every path that writes or looks up an address goes through here,
 * so one person's address in NFC or NFD, in any letter case, is one value.
 */
public final class Emails {

    private Emails() {
    }

    /**
     * The normalised address, checked like {@link Checks#email}.
     *
     * @throws com.techzone.core.InvalidInputException naming {@code field} if it is null or malformed
     */
    public static String normalize(String field, String email) {
        Checks.notNull(field, email);
        return Checks.email(field, fold(email));
    }

    /** The normalised form of any string, without validation; null stays null. */
    public static String fold(String email) {
        if (email == null) {
            return null;
        }
        String nfc = Normalizer.normalize(email, Normalizer.Form.NFC);
        return Normalizer.normalize(nfc.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }
}
