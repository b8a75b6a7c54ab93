package io.libres.testkit.contract;

import io.libres.db.query.QueryResult;
import io.libres.spi.AllocationStore;
import io.libres.spi.BlockerStore;
import io.libres.spi.ReservationStore;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.Storage;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.memory.InMemoryStorage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A deliberately broken in-memory storage: every store call goes through a {@link Breakage}, which
 * may change the arguments, the result, or do something else instead. The kit must catch each.
 */
final class Mutant implements Storage {

    /** What a broken storage does instead of a store call. */
    interface Breakage {
        /**
         * Handles one store call.
         *
         * @param call the call, with its store, method, arguments and the real thing to proceed to
         * @return the result
         * @throws Throwable whatever the broken storage throws
         */
        Object handle(Call call) throws Throwable;
    }

    /** One store call of a unit of work. */
    static final class Call {
        final String store;
        final String method;
        final Object[] args;
        final Object target;
        final UnitOfWork work;
        final InMemoryStorage storage;
        private final Method real;

        Call(String store, Method real, Object[] args, Object target, UnitOfWork work, InMemoryStorage storage) {
            this.store = store;
            this.method = real.getName();
            this.args = args;
            this.target = target;
            this.work = work;
            this.storage = storage;
            this.real = real;
        }

        boolean is(String storeName, String methodName) {
            return store.equals(storeName) && method.equals(methodName);
        }

        /** Calls the real store method with the given arguments. */
        Object proceed(Object... with) throws Throwable {
            try {
                return real.invoke(target, with);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        Object proceed() throws Throwable {
            return proceed(args);
        }

        /** Calls the same method, with the same arguments, on another store (of another unit of work). */
        Object proceedOn(Object store) throws Throwable {
            try {
                return real.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private final InMemoryStorage storage = InMemoryStorage.create();
    private final Breakage breakage;

    Mutant(Breakage breakage) {
        this.breakage = breakage;
    }

    long statements() {
        return storage.statements();
    }

    @Override
    public UnitOfWork begin() {
        UnitOfWork real = storage.begin();
        Map<String, Object> stores = new HashMap<>();
        return (UnitOfWork) Proxy.newProxyInstance(UnitOfWork.class.getClassLoader(), new Class<?>[] {UnitOfWork.class},
                (proxy, method, args) -> {
                    Class<?> type = method.getReturnType();
                    if (type == AllocationStore.class || type == ReservedSlotStore.class
                            || type == ReservationStore.class || type == BlockerStore.class) {
                        return stores.computeIfAbsent(method.getName(), name -> store(name, type,
                                invoke(real, method, args), (UnitOfWork) proxy));
                    }
                    if (method.getName().equals("commit") || method.getName().equals("savepoint")) {
                        return breakage.handle(new Call("unitOfWork", method, args, real, (UnitOfWork) proxy, storage));
                    }
                    return invokeThrowing(real, method, args);
                });
    }

    private Object store(String name, Class<?> type, Object real, UnitOfWork work) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                breakage.handle(new Call(name, method, args == null ? new Object[0] : args, real, work, storage)));
    }

    private static Object invoke(Object target, Method method, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invokeThrowing(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A query result read right away, so that it outlives the unit of work it came from. */
    static <T> QueryResult<T> materialized(QueryResult<T> result) {
        return QueryResult.of(result.describe(), result.list());
    }

    @Override
    public void setupDatabase() {
        storage.setupDatabase();
    }
}
