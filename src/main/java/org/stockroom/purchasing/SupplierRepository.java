package org.stockroom.purchasing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The supplier table. A name is unique in the database, so two requests naming a new supplier at once make one. */
@Repository
class SupplierRepository {

    static final String COLUMNS = "id, name, email, phone, lead_time_days, notes, archived, created_at, updated_at";

    private final JdbcClient jdbc;

    SupplierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the supplier; empty when the name is taken. */
    Optional<Long> insert(SupplierForm form, long now) {
        return jdbc.sql(
                        "INSERT INTO supplier (name, email, phone, lead_time_days, notes, archived, created_at, updated_at) "
                                + "VALUES (:name, :email, :phone, :lead, :notes, FALSE, :now, :now) "
                                + "ON CONFLICT (name) DO NOTHING RETURNING id")
                .param("name", form.name())
                .param("email", SupplierForm.orNull(form.email()), Types.VARCHAR)
                .param("phone", SupplierForm.orNull(form.phone()), Types.VARCHAR)
                .param("lead", form.leadTimeDays(), Types.INTEGER)
                .param("notes", SupplierForm.orNull(form.notes()), Types.VARCHAR)
                .param("now", now)
                .query(Long.class)
                .optional();
    }

    /** The supplier of that name, created bare if there is none. */
    Supplier ensure(String name, long now) {
        jdbc.sql("INSERT INTO supplier (name, archived, created_at, updated_at) VALUES (:name, FALSE, :now, :now) "
                        + "ON CONFLICT (name) DO NOTHING")
                .param("name", name)
                .param("now", now)
                .update();
        return findByName(name).orElseThrow();
    }

    Optional<Supplier> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supplier WHERE id = :id")
                .param("id", id)
                .query(SupplierRepository::map)
                .optional();
    }

    Optional<Supplier> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supplier WHERE name = :name")
                .param("name", name)
                .query(SupplierRepository::map)
                .optional();
    }

    List<Supplier> list(boolean archived) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supplier WHERE archived = :archived ORDER BY name")
                .param("archived", archived)
                .query(SupplierRepository::map)
                .list();
    }

    /** Writes only the fields the form names; false when the new name belongs to another supplier. */
    boolean update(long id, SupplierForm form, long now) {
        if (form.name() != null
                && findByName(form.name()).filter(s -> s.id() != id).isPresent()) {
            return false;
        }
        StringBuilder set = new StringBuilder("updated_at = :now");
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("id", id).addValue("now", now);
        if (form.name() != null) {
            set.append(", name = :name");
            params.addValue("name", form.name());
        }
        if (form.email() != null) {
            set.append(", email = :email");
            params.addValue("email", SupplierForm.orNull(form.email()), Types.VARCHAR);
        }
        if (form.phone() != null) {
            set.append(", phone = :phone");
            params.addValue("phone", SupplierForm.orNull(form.phone()), Types.VARCHAR);
        }
        if (form.notes() != null) {
            set.append(", notes = :notes");
            params.addValue("notes", SupplierForm.orNull(form.notes()), Types.VARCHAR);
        }
        if (form.leadTimeDays() != null) {
            set.append(", lead_time_days = :lead");
            params.addValue("lead", form.leadTimeDays());
        }
        if (form.archived() != null) {
            set.append(", archived = :archived");
            params.addValue("archived", form.archived());
        }
        jdbc.sql("UPDATE supplier SET " + set + " WHERE id = :id")
                .paramSource(params)
                .update();
        return true;
    }

    static Supplier map(ResultSet rs, int n) throws SQLException {
        int lead = rs.getInt("lead_time_days");
        Integer leadTime = rs.wasNull() ? null : lead;
        return new Supplier(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                leadTime,
                rs.getString("notes"),
                rs.getBoolean("archived"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
