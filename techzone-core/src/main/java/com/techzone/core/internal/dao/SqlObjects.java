package com.techzone.core.internal.dao;

import com.techzone.core.booking.BookingDao;
import com.techzone.core.cart.CartDao;
import com.techzone.core.catalog.CategoryDao;
import com.techzone.core.catalog.ProductDao;
import com.techzone.core.catalog.ServiceDao;
import com.techzone.core.contact.ContactDao;
import com.techzone.core.inventory.InventoryLogDao;
import com.techzone.core.order.OrderDao;
import com.techzone.core.order.OrderItemDao;
import com.techzone.core.order.OrderStatusHistoryDao;
import com.techzone.core.report.SalesReportDao;
import com.techzone.core.review.ReviewDao;
import com.techzone.core.user.UserDao;
import java.util.Map;
import java.util.Set;

/**
 * Which internal SqlObject type implements each public DAO interface. The public interfaces hold
 * no SQL and no Jdbi annotation, so a caller can reach only the validating methods; the facade
 * attaches the type named here and hands it out as the public one.
 */
public final class SqlObjects {

    private static final Map<Class<?>, Class<?>> IMPLEMENTATIONS = Map.ofEntries(
            Map.entry(BookingDao.class, BookingSql.class),
            Map.entry(CartDao.class, CartSql.class),
            Map.entry(CategoryDao.class, CategorySql.class),
            Map.entry(ContactDao.class, ContactSql.class),
            Map.entry(InventoryLogDao.class, InventoryLogSql.class),
            Map.entry(OrderDao.class, OrderSql.class),
            Map.entry(OrderItemDao.class, OrderItemSql.class),
            Map.entry(OrderStatusHistoryDao.class, OrderStatusHistorySql.class),
            Map.entry(ProductDao.class, ProductSql.class),
            Map.entry(SalesReportDao.class, SalesReportSql.class),
            Map.entry(ReviewDao.class, ReviewSql.class),
            Map.entry(ServiceDao.class, ServiceSql.class),
            Map.entry(UserDao.class, UserSql.class));

    private SqlObjects() {
    }

    /** The SqlObject type implementing {@code api}; {@code api} itself for an interface of the host's own. */
    @SuppressWarnings("unchecked")
    public static <T> Class<? extends T> implementationOf(Class<T> api) {
        return (Class<? extends T>) IMPLEMENTATIONS.getOrDefault(api, api);
    }

    /** The public DAO interfaces of this library. */
    public static Set<Class<?>> apis() {
        return IMPLEMENTATIONS.keySet();
    }
}
