package org.crmkit.testkit.db;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Minimal {@link ExtensionContext} stand-ins for driving the extension's callbacks by hand. */
final class Contexts {

    private Contexts() {}

    /** Returns a context that answers only {@code getUniqueId()} (and the Object methods). */
    static ExtensionContext withId(String uniqueId) {
        return (ExtensionContext) Proxy.newProxyInstance(
                Contexts.class.getClassLoader(), new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getUniqueId":
                            return uniqueId;
                        case "toString":
                            return "ExtensionContext[" + uniqueId + "]";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
