package dev.comptoir.saga.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.comptoir.saga.SagaException;
import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaState;
import dev.comptoir.saga.StepTrace;
import dev.comptoir.saga.spi.SagaRecord;
import dev.comptoir.saga.spi.SagaStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * PostgreSQL {@link SagaStorage} on JDBI 3. One row per saga (data and timeline as JSONB, the
 * single pending timer in {@code due_at}), one journal row per transition written by the same
 * statement (one transaction, one round trip), leases claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
public final class PostgresSagaStorage implements SagaStorage {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final TypeReference<List<StepTrace>> TIMELINE = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, definition_name, definition_version, idempotency_key, state, "
            + "step_index, attempt, awaiting_reply, data_type, data, timeline, failure, created_at, updated_at, "
            + "due_at, lease_owner, lease_until, version";

    private final Jdbi jdbi;
    private final DataSource dataSource;
    /** Per thread: the last data object serialised and its JSON (a saga's steps often keep the data unchanged). */
    private final ThreadLocal<Object[]> lastData = ThreadLocal.withInitial(() -> new Object[2]);
    private final String schema;
    private final ObjectMapper mapper;
    private final ConcurrentHashMap<String, Class<?>> types = new ConcurrentHashMap<>();
    private final String insertSql;
    private final String findByKeySql;
    private final String findSql;
    private final String claimSql;
    private final String updateSql;

    private PostgresSagaStorage(DataSource dataSource, String schema, ObjectMapper mapper) {
        this.jdbi = ConcurrentJdbiCache.jdbi(dataSource);
        this.dataSource = dataSource;
        this.schema = schema;
        this.mapper = mapper;
        String t = schema + ".saga_instance";
        String j = schema + ".saga_journal";
        this.insertSql = "WITH i AS (INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "CAST(? AS jsonb), CAST(? AS jsonb), ?, CAST(? AS timestamptz), CAST(? AS timestamptz), "
                + "CAST(? AS timestamptz), ?, CAST(? AS timestamptz), ?) "
                + "ON CONFLICT (definition_name, idempotency_key) DO NOTHING RETURNING id, version, state, step_index, "
                + "attempt, updated_at) "
                + "INSERT INTO " + j + " (saga_id, version, state, step_index, attempt, at) "
                + "SELECT id, version, state, step_index, attempt, updated_at FROM i";
        this.findByKeySql = "SELECT " + COLUMNS + " FROM " + t + " WHERE definition_name = :name AND idempotency_key = :key";
        this.findSql = "SELECT " + COLUMNS + " FROM " + t + " WHERE id = :id";
        this.claimSql = "UPDATE " + t + " AS s SET lease_owner = :owner, lease_until = :until, version = s.version + 1 "
                + "FROM (SELECT id FROM " + t + " WHERE due_at <= :now AND state IN ('RUNNING', 'COMPENSATING') "
                + "AND (lease_until IS NULL OR lease_until <= :now) ORDER BY due_at LIMIT :limit "
                + "FOR UPDATE SKIP LOCKED) AS c WHERE s.id = c.id RETURNING "
                + String.join(", ", COLUMNS.split(", ")).replaceAll("(^|, )", "$1s.");
        this.updateSql = "WITH u AS (UPDATE " + t + " SET state = ?, step_index = ?, attempt = ?, "
                + "awaiting_reply = ?, data_type = ?, data = CAST(? AS jsonb), timeline = CAST(? AS jsonb), failure = ?, "
                + "updated_at = CAST(? AS timestamptz), due_at = CAST(? AS timestamptz), lease_owner = ?, "
                + "lease_until = CAST(? AS timestamptz), version = ? "
                + "WHERE id = ? AND version = ? RETURNING id, version, state, step_index, attempt, updated_at) "
                + "INSERT INTO " + j + " (saga_id, version, state, step_index, attempt, at, step, step_state, error) "
                + "SELECT id, version, state, step_index, attempt, updated_at, ?, ?, ? FROM u";
    }

    /** Jackson mapper used when the caller gives none: java.time support, ISO dates, lenient on unknown fields. */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Creates {@code schema} if needed, applies {@code classpath:db/comptoir-saga} and returns the storage. */
    public static PostgresSagaStorage migrate(DataSource dataSource, String schema, ObjectMapper mapper) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(mapper, "mapper");
        requireSchema(schema);
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/comptoir-saga")
                .table("comptoir_saga_schema_history")
                .load()
                .migrate();
        return new PostgresSagaStorage(dataSource, schema, mapper);
    }

    static String requireSchema(String schema) {
        Objects.requireNonNull(schema, "schema");
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must match " + SCHEMA + ", was '" + schema + "'");
        }
        return schema;
    }

    /** The schema the tables live in. */
    public String schema() {
        return schema;
    }

    @Override
    public SagaRecord insert(SagaRecord r) {
        try {
            int inserted = execute(insertSql, ps -> {
                int i = setRecord(ps, 1, r);
                setTimestamp(ps, i, r.createdAt());
                setTimestamp(ps, i + 1, r.updatedAt());
                setTimestamp(ps, i + 2, r.dueAt());
                ps.setString(i + 3, r.leaseOwner());
                setTimestamp(ps, i + 4, r.leaseUntil());
                ps.setLong(i + 5, r.version());
            });
            if (inserted == 1) {
                return r;
            }
            return jdbi.withHandle(h -> h.createQuery(findByKeySql)
                    .bind("name", r.definitionName()).bind("key", r.idempotencyKey())
                    .map((rs, ctx) -> read(rs)).findOne())
                    .orElseThrow(() -> SagaException.storeUnavailable("insert",
                            new IllegalStateException("start key vanished: " + r.idempotencyKey())));
        } catch (JdbiException e) {
            throw SagaException.storeUnavailable("insert", e);
        }
    }

    @Override
    public Optional<SagaRecord> find(SagaId id) {
        try {
            return jdbi.withHandle(h -> h.createQuery(findSql).bind("id", id.value())
                    .map((rs, ctx) -> read(rs)).findOne());
        } catch (JdbiException e) {
            throw SagaException.storeUnavailable("find", e);
        }
    }

    @Override
    public List<SagaRecord> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
        try {
            List<SagaRecord> claimed = jdbi.withHandle(h -> h.createQuery(claimSql)
                    .bind("owner", owner).bind("until", ts(leaseUntil)).bind("now", ts(now)).bind("limit", limit)
                    .map((rs, ctx) -> read(rs)).list());
            if (claimed.size() > 1) {
                claimed = claimed.stream().sorted(Comparator.comparing(SagaRecord::dueAt)).toList();
            }
            return claimed;
        } catch (JdbiException e) {
            throw SagaException.storeUnavailable("claimDue", e);
        }
    }

    @Override
    public boolean update(SagaRecord next, long expectedVersion) {
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("next version must be " + (expectedVersion + 1) + ", was " + next.version());
        }
        List<StepTrace> tl = next.timeline();
        StepTrace last = tl.isEmpty() ? null : tl.get(tl.size() - 1);
        try {
            int n = execute(updateSql, ps -> {
                ps.setString(1, next.state().name());
                ps.setInt(2, next.stepIndex());
                ps.setInt(3, next.attempt());
                ps.setBoolean(4, next.awaitingReply());
                ps.setString(5, next.data().getClass().getName());
                ps.setString(6, dataJson(next.data()));
                ps.setString(7, TimelineJson.write(next.timeline()));
                ps.setString(8, next.failure());
                setTimestamp(ps, 9, next.updatedAt());
                setTimestamp(ps, 10, next.dueAt());
                ps.setString(11, next.leaseOwner());
                setTimestamp(ps, 12, next.leaseUntil());
                ps.setLong(13, next.version());
                ps.setObject(14, next.id().value());
                ps.setLong(15, expectedVersion);
                ps.setString(16, last == null ? null : last.step());
                ps.setString(17, last == null ? null : last.direction() + " " + last.state());
                ps.setString(18, last == null ? null : last.lastError());
            });
            return n == 1;
        } catch (JdbiException e) {
            throw SagaException.storeUnavailable("update", e);
        }
    }

    @Override
    public Map<SagaState, Long> countByState() {
        try {
            Map<SagaState, Long> out = new EnumMap<>(SagaState.class);
            jdbi.useHandle(h -> h.createQuery("SELECT state, count(*) AS n FROM " + schema
                            + ".saga_instance GROUP BY state")
                    .map((rs, ctx) -> Map.entry(SagaState.valueOf(rs.getString("state")), rs.getLong("n")))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
            return out;
        } catch (JdbiException e) {
            throw SagaException.storeUnavailable("countByState", e);
        }
    }

    @Override
    public List<SagaRecord> findByState(SagaState state, int limit) {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM " + schema
                            + ".saga_instance WHERE state = :state ORDER BY created_at LIMIT :limit")
                    .bind("state", state.name()).bind("limit", limit)
                    .map((rs, ctx) -> read(rs)).list());
        } catch (JdbiException e) {
            throw SagaException.storeUnavailable("findByState", e);
        }
    }

    // ---------------------------------------------------------------- mapping

    /** Parameters 1..9 of an insert: the identity, cursor and payload columns. Returns the next index. */
    private int setRecord(PreparedStatement ps, int i, SagaRecord r) throws SQLException {
        ps.setObject(i, r.id().value());
        ps.setString(i + 1, r.definitionName());
        ps.setInt(i + 2, r.definitionVersion());
        ps.setString(i + 3, r.idempotencyKey());
        ps.setString(i + 4, r.state().name());
        ps.setInt(i + 5, r.stepIndex());
        ps.setInt(i + 6, r.attempt());
        ps.setBoolean(i + 7, r.awaitingReply());
        ps.setString(i + 8, r.data().getClass().getName());
        ps.setString(i + 9, dataJson(r.data()));
        ps.setString(i + 10, TimelineJson.write(r.timeline()));
        ps.setString(i + 11, r.failure());
        return i + 12;
    }

    /** Binds parameters of a prepared statement. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * One autocommit statement on a pooled connection. The hot path (start, transitions) uses plain
     * JDBC: a JDBI handle copies its whole configuration on open, which costs more CPU than the
     * statement itself on a small machine.
     */
    private int execute(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw SagaException.storeUnavailable("statement", e);
        }
    }

    private String dataJson(Object data) {
        Object[] last = lastData.get();
        if (last[0] == data) {
            return (String) last[1];
        }
        String json = json(data);
        last[0] = data;
        last[1] = json;
        return json;
    }

    /**
     * Binds an instant as ISO text for a {@code CAST(? AS timestamptz)} parameter (the driver
     * sends timestamps as text anyway, but formats them through a Calendar, which costs more).
     */
    private static void setTimestamp(PreparedStatement ps, int i, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, IsoInstant.format(instant));
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw SagaException.serialization(value.getClass().getName(), e);
        }
    }

    private SagaRecord read(ResultSet rs) throws SQLException {
        String dataType = rs.getString("data_type");
        Object data;
        List<StepTrace> timeline;
        try {
            data = mapper.readValue(rs.getString("data"), typeOf(dataType));
            timeline = List.copyOf(mapper.readValue(rs.getString("timeline"), TIMELINE));
        } catch (JsonProcessingException e) {
            throw SagaException.serialization("saga " + rs.getString("id") + " data of type " + dataType, e);
        }
        return new SagaRecord(new SagaId(rs.getObject("id", UUID.class)), rs.getString("definition_name"),
                rs.getInt("definition_version"), rs.getString("idempotency_key"),
                SagaState.valueOf(rs.getString("state")), rs.getInt("step_index"), rs.getInt("attempt"),
                rs.getBoolean("awaiting_reply"), data, timeline, rs.getString("failure"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "due_at"),
                rs.getString("lease_owner"), instant(rs, "lease_until"), rs.getLong("version"));
    }

    private Class<?> typeOf(String name) {
        return types.computeIfAbsent(name, n -> {
            try {
                ClassLoader cl = Thread.currentThread().getContextClassLoader();
                return Class.forName(n, false, cl != null ? cl : PostgresSagaStorage.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw SagaException.serialization("saga data type " + n + " (class not found)", e);
            }
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Binds an instant as {@code timestamptz} (or NULL). */
    static Argument ts(Instant instant) {
        return new Argument() {
            @Override
            public void apply(int position, java.sql.PreparedStatement statement, StatementContext ctx)
                    throws SQLException {
                if (instant == null) {
                    statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    statement.setObject(position, instant.atOffset(ZoneOffset.UTC));
                }
            }

            @Override
            public String toString() {
                return String.valueOf(instant);
            }
        };
    }
}
