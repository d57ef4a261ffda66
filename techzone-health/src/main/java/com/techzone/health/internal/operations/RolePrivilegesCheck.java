package com.techzone.health.internal.operations;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The privileges of the role the check runs as, which is usually the application's: superuser is
 * reported (INFO, since tests and operators often run as one), BYPASSRLS on a non-superuser is a
 * WARNING (it silently defeats row-level security).
 */
final class RolePrivilegesCheck extends OperationsCheck {

    RolePrivilegesCheck() {
        super("role-privileges", "Role privileges (superuser, BYPASSRLS)");
    }

    @Override
    public boolean runtime() {
        return false;
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        List<Issue> issues = new ArrayList<>();
        context.query(getClass(), rs -> {
            String role = rs.getString("rolname");
            if (rs.getBoolean("rolsuper")) {
                issues.add(Issue.info(role, "Role " + role + " is a superuser: the application should run as a limited role")
                        .fix("Create an application role (e.g. techzone_user) with only the privileges it needs; "
                                + "monitor with a role granted pg_monitor"));
            } else if (rs.getBoolean("rolbypassrls")) {
                issues.add(Issue.warning(role, "Role " + role + " has BYPASSRLS: row-level security does not apply to it")
                        .fix("ALTER ROLE " + CheckContext.quote(role) + " NOBYPASSRLS"));
            } else {
                issues.add(Issue.info(role, "Role " + role + " is not a superuser and does not bypass row-level security"));
            }
            return null;
        });
        return issues;
    }
}
