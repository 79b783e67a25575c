package org.crmkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A hand-written {@link DataSource} wrapper for tests: it records every statement the store executes
 * and can fail the N-th one, either as a plain SQL error or as a dropped connection (the physical
 * connection is closed under the store's feet). Thread-safe.
 */
final class InstrumentedDataSource implements DataSource {
    /** How a planned failure looks to the store. */
    enum Fault {
        /** The statement fails with an SQL error; the connection stays usable. */
        SQL_ERROR,
        /** The connection drops before the statement: it is closed, and the statement fails with SQLState 08006. */
        CONNECTION_LOST,
        /** The statement (a whole batch) runs, then the connection drops before its answer arrives. */
        CONNECTION_LOST_AFTER
    }

    private final DataSource target;
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final AtomicInteger executions = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile int failAt = -1;
    private volatile Fault fault = Fault.SQL_ERROR;
    private volatile boolean refuseConnections;

    InstrumentedDataSource(DataSource target) {
        this.target = target;
    }

    /** Fails the {@code n}-th execution from now (1 = the next one) with {@code fault}. */
    void failExecution(int n, Fault fault) {
        this.fault = fault;
        this.failAt = executions.get() + n;
    }

    /** Makes {@code getConnection} fail until called with false. */
    void refuseConnections(boolean refuse) {
        this.refuseConnections = refuse;
    }

    /** Forgets the planned failure. */
    void heal() {
        failAt = -1;
        refuseConnections = false;
    }

    /** Starts counting afresh. */
    void reset() {
        executed.clear();
        executions.set(0);
        connections.set(0);
        failAt = -1;
    }

    /** The SQL of each execution (a batch counts once) since the last reset. */
    List<String> executed() {
        return List.copyOf(executed);
    }

    /** How many connections were opened since the last reset. */
    int connectionsOpened() {
        return connections.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (refuseConnections) {
            throw new SQLNonTransientConnectionException("connection refused (test)", "08001");
        }
        connections.incrementAndGet();
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement statement) {
                return wrapStatement(connection, statement, (String) args[0], PreparedStatement.class);
            }
            if (result instanceof Statement statement) {
                return wrapStatement(connection, statement, "(statement)", Statement.class);
            }
            return result;
        };
        return (Connection)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private <S extends Statement> S wrapStatement(Connection connection, S statement, String sql, Class<S> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
                int n = executions.incrementAndGet();
                executed.add(text);
                if (n == failAt) {
                    if (fault == Fault.CONNECTION_LOST_AFTER) {
                        invoke(statement, method, args);
                        connection.close();
                        throw new SQLNonTransientConnectionException("connection lost (test) after " + text, "08006");
                    }
                    if (fault == Fault.CONNECTION_LOST) {
                        connection.close();
                        throw new SQLNonTransientConnectionException("connection lost (test) at " + text, "08006");
                    }
                    throw new SQLException("injected failure (test) at " + text, "XX999");
                }
            }
            return invoke(statement, method, args);
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
