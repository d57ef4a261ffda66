package com.techzone.core.internal.dao;

import com.techzone.core.Page;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Emails;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.Role;
import com.techzone.core.user.User;
import com.techzone.core.user.UserDao;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SqlObject behind {@link UserDao}: its checks, then its SQL. No statement reads the password hash. */
public interface UserSql extends UserDao {

    @Override
    default User create(NewUser user) {
        return insert(Uuids.v7(), Checks.notNull("user", user));
    }

    /** With the id chosen by the caller ({@link com.techzone.core.user.Accounts} uses it too). */
    @SqlQuery("""
            INSERT INTO <schema>.users (id, email, password_hash, full_name, role)
            VALUES (:id, :u.email, :u.passwordHash, :u.fullName, :u.role::<schema>.user_role)
            RETURNING id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at""")
    User insert(UUID id, @BindMethods("u") NewUser user);

    @Override
    default Optional<User> findById(UUID id) {
        return byId(Checks.notNull("id", id));
    }

    @SqlQuery("""
            SELECT id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at
            FROM <schema>.users WHERE id = :id""")
    Optional<User> byId(UUID id);

    @Override
    default Optional<User> findByEmail(String email) {
        return findByNormalizedEmail(Emails.fold(Checks.notNull("email", email)));
    }

    /** {@code email} must already be normalised. */
    @SqlQuery("""
            SELECT id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at
            FROM <schema>.users WHERE lower(email) = lower(:email)""")
    Optional<User> findByNormalizedEmail(String email);

    @Override
    default Page<User> list(String cursor, int pageSize) {
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_ID);
        return Keyset.page(listAfter(after.id(), Keyset.fetchSize(pageSize)), pageSize, User::id, u -> "");
    }

    @SqlQuery("""
            SELECT id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at
            FROM <schema>.users WHERE id > :afterId ORDER BY id LIMIT :limit""")
    List<User> listAfter(UUID afterId, int limit);

    @Override
    default Optional<User> rename(UUID id, String fullName) {
        Checks.notNull("id", id);
        Checks.text("fullName", fullName, 1, 200);
        return updateFullName(id, fullName);
    }

    @SqlQuery("""
            UPDATE <schema>.users SET full_name = :fullName WHERE id = :id
            RETURNING id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at""")
    Optional<User> updateFullName(UUID id, String fullName);

    @Override
    default Optional<User> changeEmail(UUID id, String email) {
        Checks.notNull("id", id);
        return updateEmail(id, Emails.normalize("email", email));
    }

    /** {@code email} must already be normalised. */
    @SqlQuery("""
            UPDATE <schema>.users SET email = :email WHERE id = :id
            RETURNING id, email, full_name, role, is_active, last_login_at, anonymized_at, created_at, updated_at""")
    Optional<User> updateEmail(UUID id, String email);

    @Override
    default boolean changeRole(UUID id, Role role) {
        Checks.notNull("id", id);
        Checks.notNull("role", role);
        return updateRole(id, role);
    }

    @SqlUpdate("UPDATE <schema>.users SET role = :role::<schema>.user_role WHERE id = :id")
    boolean updateRole(UUID id, Role role);

    @Override
    default boolean deactivate(UUID id) {
        return setInactive(Checks.notNull("id", id));
    }

    @SqlUpdate("UPDATE <schema>.users SET is_active = false WHERE id = :id AND is_active")
    boolean setInactive(UUID id);

    @Override
    default boolean delete(UUID id) {
        return deleteRow(Checks.notNull("id", id));
    }

    @SqlUpdate("DELETE FROM <schema>.users WHERE id = :id")
    boolean deleteRow(UUID id);

    @Override
    default long count() {
        return rowCount();
    }

    @SqlQuery("SELECT count(*) FROM <schema>.users")
    long rowCount();
}
