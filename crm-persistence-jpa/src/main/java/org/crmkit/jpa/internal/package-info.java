/**
 * The JPA store's entity classes, id classes, embeddables and JSON attribute converters. Public only
 * where Jakarta Persistence requires it; <strong>not part of CRMKit's API</strong> and free to change
 * in any release. Hosts list these classes in their persistence unit through {@code
 * org.crmkit.jpa.JpaCrmStore.managedClasses()} or the mapping file {@code
 * org.crmkit.jpa.JpaCrmStore.MAPPING_FILE}, and never use them directly.
 */
package org.crmkit.jpa.internal;
