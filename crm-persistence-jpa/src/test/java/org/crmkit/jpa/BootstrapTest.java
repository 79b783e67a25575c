package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.testkit.fixtures.CustomerFixtures.aPerson;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionDraft;
import org.junit.jupiter.api.Test;

/**
 * The ways a host sets the store up, as the README shows them: migrations into a schema that already
 * holds the host's tables, CRMKit's entities added to a persistence unit through {@code
 * persistence.xml} and the mapping file or programmatically, and the {@code Crm} facade on top
 * (customers and interactions).
 */
class BootstrapTest {

    @Test
    void migrate_schemaWithTheHostsOwnTables_addsCrmkitsBesideThem() throws SQLException {
        String url = freshH2();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("create table host_invoice (id bigint primary key, total numeric(12, 2))");
            s.execute("create table flyway_schema_history (installed_rank int primary key)");
        }

        assertThat(JpaCrmStore.migrate(dataSource(url))).isEqualTo(10);
        assertThat(JpaCrmStore.migrate(dataSource(url))).isZero();

        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory("host-unit", jdbc(url))) {
            JpaCrmStore store = JpaCrmStore.create(factory);
            TenantId tenant = TenantId.of("acme");
            Customer anna = store.customers(tenant).save(aPerson().in(tenant).build());
            assertThat(store.customers(tenant).findById(anna.id())).contains(anna);
        }
    }

    @Test
    void programmaticBootstrap_withTheMappingFile_servesTheCrmFacade() {
        DataSource dataSource = dataSource(freshH2());
        JpaCrmStore.migrate(dataSource);
        PersistenceConfiguration unit = new PersistenceConfiguration("crmkit")
                .mappingFile(JpaCrmStore.MAPPING_FILE)
                .property("jakarta.persistence.nonJtaDataSource", dataSource)
                .property("hibernate.hbm2ddl.auto", "validate");

        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(unit)) {
            Crm crm = Crm.builder().store(JpaCrmStore.create(factory)).build();
            var scope = crm.forTenant(TenantId.of("acme")).as(Actor.user("anna"));
            Customer ivan = scope.customers()
                    .create(CustomerDraft.person("Иван", "Иванов").email("ivan@example.com"));

            assertThat(scope.customers().findByEmail("IVAN@example.com")).containsExactly(ivan);
            Interaction call = scope.interactions()
                    .log(InteractionDraft.of(
                                    Channel.PHONE, Direction.INBOUND, Instant.parse("2024-05-01T09:00:00Z"), ivan.id())
                            .externalId("pbx:1"));
            assertThat(scope.interactions().timeline(ivan.id(), 10).items()).containsExactly(call);
        }
    }

    @Test
    void migrate_otherDatabase_isRefusedByName() {
        DataSource notSupported = new DriverManagerLikeDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL") {
            @Override
            public Connection getConnection() throws SQLException {
                Connection real = super.getConnection();
                return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("getMetaData")) {
                                java.sql.DatabaseMetaData meta = real.getMetaData();
                                return java.lang.reflect.Proxy.newProxyInstance(
                                        getClass().getClassLoader(),
                                        new Class<?>[] {java.sql.DatabaseMetaData.class},
                                        (p, m, a) -> m.getName().equals("getDatabaseProductName")
                                                ? "MySQL"
                                                : m.invoke(meta, a));
                            }
                            return method.invoke(real, args);
                        });
            }
        };

        assertThatThrownBy(() -> JpaCrmStore.migrate(notSupported))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("MySQL");
    }

    private static String freshH2() {
        return "jdbc:h2:mem:bootstrap-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static Map<String, Object> jdbc(String url) {
        return Map.of(
                PersistenceConfiguration.JDBC_URL, url,
                PersistenceConfiguration.JDBC_USER, "sa",
                PersistenceConfiguration.JDBC_PASSWORD, "");
    }

    private static DataSource dataSource(String url) {
        return new DriverManagerLikeDataSource(url);
    }

    /** A data source that opens a connection per call, enough for migrations. */
    private static class DriverManagerLikeDataSource implements DataSource {
        private final String url;

        DriverManagerLikeDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, "sa", "");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
