/**
 * The in-memory store: {@link org.crmkit.core.memory.MemoryCrmStore}. Thread-safe, transactional,
 * and the reference behaviour that every other store's results are compared with. It keeps nothing
 * when the JVM stops.
 */
package org.crmkit.core.memory;
