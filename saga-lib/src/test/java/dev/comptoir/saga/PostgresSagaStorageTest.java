package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.saga.spi.SagaRecord;
import dev.comptoir.saga.spi.SagaStorage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresSagaStorageTest extends SagaStorageContractTest {
    private static TestPostgres pg;
    private static SagaStore store;

    @BeforeAll
    static void database() {
        pg = TestPostgres.create("saga_tck", 5);
        store = SagaStore.postgres(pg.dataSource(), pg.schema());
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Override
    protected SagaStorage create() {
        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + pg.schema() + ".saga_instance, " + pg.schema() + ".saga_journal");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return store.storage();
    }

    @Test
    void update_writesOneJournalRowPerTransitionInTheSameTransaction() throws Exception {
        SagaRecord r = storage.insert(newRecord("j", T0, null, null));
        SagaRecord n = new SagaRecord(r.id(), "tck", 1, "j", SagaState.COMPLETED, 0, 1, false, r.data(),
                List.of(new StepTrace("s", Direction.ACTION, StepState.SUCCEEDED, 1, T0, T0, null)), null,
                T0, T0.plusSeconds(1), null, null, null, 1);
        storage.update(n, 0);
        storage.update(n, 0); // stale: neither the row nor a journal entry

        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, state, step FROM " + pg.schema()
                     + ".saga_journal WHERE saga_id = '" + r.id() + "' ORDER BY version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("COMPLETED");
            assertThat(rs.getString(3)).isEqualTo("s");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void migrate_twiceOnTheSameSchema_isIdempotentAndUsesItsOwnHistoryTable() throws Exception {
        SagaStore.postgres(pg.dataSource(), pg.schema());

        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + pg.schema() + ".comptoir_saga_schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
    }
}
