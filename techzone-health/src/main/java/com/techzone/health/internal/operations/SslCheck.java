package com.techzone.health.internal.operations;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/**
 * SSL on the current connection: required from a remote client, or from any client when the caller
 * requires it (WARNING without it); advised otherwise (INFO).
 */
final class SslCheck extends OperationsCheck {

    SslCheck() {
        super("ssl", "SSL on the current connection");
    }

    @Override
    public boolean runtime() {
        return false;
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return context.query(getClass(), rs -> {
            if (rs.getBoolean("ssl")) {
                return Issue.info("connection", "The connection is encrypted (" + rs.getString("version") + ")");
            }
            String fix = "Enable ssl on the server and connect with sslmode=require (verify-full to check the certificate)";
            if (context.options().requireSsl()) {
                return Issue.warning("connection", "The connection is not encrypted, and SSL is required")
                        .measured("ssl off").threshold("ssl required").fix(fix);
            }
            return rs.getBoolean("local_client")
                    ? Issue.info("connection", "The connection is not encrypted (local client)").fix(fix)
                    : Issue.warning("connection", "The connection from a remote client is not encrypted: passwords and data "
                            + "cross the network in clear").measured("ssl off").threshold("ssl on").fix(fix);
        });
    }
}
