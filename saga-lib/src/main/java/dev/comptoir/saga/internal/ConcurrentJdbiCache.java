package dev.comptoir.saga.internal;

import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.cache.JdbiCache;
import org.jdbi.v3.core.cache.JdbiCacheBuilder;
import org.jdbi.v3.core.cache.JdbiCacheLoader;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Lock-free JDBI statement caches. JDBI's default caches are synchronized LRU maps, a point of
 * contention when many threads run the same few statements; saga-lib's {@link Jdbi} instances
 * only ever run a fixed set of statements, so an unbounded concurrent map is enough.
 */
final class ConcurrentJdbiCache<K, V> implements JdbiCache<K, V> {
    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
    private final JdbiCacheLoader<K, V> loader;

    private ConcurrentJdbiCache(JdbiCacheLoader<K, V> loader) {
        this.loader = loader;
    }

    /** A {@link Jdbi} on {@code dataSource} with plain SQL (no templates) and concurrent caches. */
    static Jdbi jdbi(javax.sql.DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(SqlStatements.class)
                .setTemplateEngine(TemplateEngine.NOP)
                .setTemplateCache(BUILDER)
                .setSqlParser(new ColonPrefixSqlParser(BUILDER));
        return jdbi;
    }

    @Override
    public V get(K key) {
        V v = map.get(key);
        return v != null || loader == null ? v : map.computeIfAbsent(key, loader::create);
    }

    @Override
    public V getWithLoader(K key, JdbiCacheLoader<K, V> with) {
        V v = map.get(key);
        return v != null ? v : map.computeIfAbsent(key, with::create);
    }

    @Override
    public <T> T getStats() {
        return null;
    }

    private static final JdbiCacheBuilder BUILDER = new JdbiCacheBuilder() {
        @Override
        public <K, V> JdbiCache<K, V> build() {
            return new ConcurrentJdbiCache<>(null);
        }

        @Override
        public <K, V> JdbiCache<K, V> buildWithLoader(JdbiCacheLoader<K, V> loader) {
            return new ConcurrentJdbiCache<>(loader);
        }

        @Override
        public JdbiCacheBuilder maxSize(int size) {
            return this;
        }
    };
}
