package com.techzone.migrations;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Keeps one expected server notice out of the host's logs. {@code migrate()} creates
 * {@code btree_gist} in {@value TechzoneMigrations#EXTENSION_SCHEMA} before Flyway runs (see
 * {@code Preparation}), so V1's {@code CREATE EXTENSION IF NOT EXISTS btree_gist}, a released script
 * that is never edited, always draws PostgreSQL's NOTICE "extension already exists, skipping", which
 * Flyway logs as a WARN on every fresh migrate. Before V1 only, inside V1's own transaction, this
 * sets {@code client_min_messages} to {@code warning} with {@code SET LOCAL}: it ends with that
 * transaction and never reaches the host's pooled connection. Warnings and errors still show.
 */
final class ExtensionNoticeCallback implements Callback {

    private static final String V1 = "1";

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        if (migration == null || migration.getVersion() == null || !V1.equals(migration.getVersion().getVersion())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("SET LOCAL client_min_messages = warning");
        } catch (SQLException e) {
            throw new FlywayException("Could not prepare the session of migration 1: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "techzone-extension-notice";
    }
}
