package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.order.Order;
import com.techzone.core.order.TaxBase;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.math.BigDecimal;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Checkout amounts in the currency's minor units (ISO 4217), and the tax base of a discount. */
@TechzoneDatabaseTest
class CheckoutMoneyTest {

    private final Shop shop;
    private final Techzone tz;

    CheckoutMoneyTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    @Test
    void shouldRoundYenTaxToWholeYenHalfEven() {
        // 1005 * 0.10 = 100.5 -> 100 (to even); 1015 * 0.10 = 101.5 -> 102 (to even); 999 * 0.10 = 99.9 -> 100
        assertThat(checkout("1005", "JPY", "0.10")).extracting(Order::tax, Order::total)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("100"), new BigDecimal("1105"));
        assertThat(checkout("1015", "JPY", "0.10").tax()).isEqualByComparingTo("102");
        Order order = checkout("999", "JPY", "0.10");
        assertThat(order.tax()).isEqualByComparingTo("100");
        assertThat(order.total()).isEqualByComparingTo("1099");
        assertThat(order.currency()).isEqualTo("JPY");
    }

    @Test
    void shouldRoundDollarTaxToCentsHalfEven() {
        // 10.05 * 0.05 = 0.5025 -> 0.50; 10.10 * 0.05 = 0.505 -> 0.50 (to even)
        assertThat(checkout("10.05", "USD", "0.05").tax()).isEqualByComparingTo("0.50");
        Order order = checkout("10.10", "USD", "0.05");
        assertThat(order.tax()).isEqualByComparingTo("0.50");
        assertThat(order.total()).isEqualByComparingTo("10.60");
    }

    @Test
    void shouldRefuseAPriceWithMoreDecimalsThanTheCurrencyNamingTheProductAndWriteNothing() {
        User user = shop.customer();
        Product camera = shop.product("1234.56", 5);
        tz.carts().add(user.id(), camera.id(), 1);
        long orders = shop.count("SELECT count(*) FROM orders");

        assertThatThrownBy(() -> tz.checkout().checkout(CheckoutRequest.of(user.id()).withCurrency("JPY")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("currency"))
                .hasMessageContaining(camera.sku())
                .hasMessageContaining("1234.56")
                .hasMessageContaining("JPY has 0 decimal places");
        assertThat(shop.count("SELECT count(*) FROM orders")).isEqualTo(orders);
        assertThat(tz.products().findById(camera.id()).orElseThrow().stock()).isEqualTo(5);
        assertThat(tz.carts().listForUser(user.id())).hasSize(1);
    }

    @Test
    void shouldRefuseShippingAndDiscountThatAreNotWholeMinorUnits() {
        CheckoutRequest yen = CheckoutRequest.of(shop.customer().id()).withCurrency("JPY");

        assertThatThrownBy(() -> yen.withShipping(new BigDecimal("10.50")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("shipping"))
                .hasMessageContaining("JPY minor units");
        assertThatThrownBy(() -> yen.withDiscount(new BigDecimal("0.01")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("discount"));
        assertThat(yen.withShipping(new BigDecimal("500.00")).shipping()).isEqualByComparingTo("500");
    }

    @Test
    void shouldRefuseThreeDecimalAndUnknownCurrenciesByName() {
        CheckoutRequest request = CheckoutRequest.of(shop.customer().id());

        assertThatThrownBy(() -> request.withCurrency("KWD"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("currency"))
                .hasMessageContaining("KWD has 3 decimal places");
        assertThatThrownBy(() -> request.withCurrency("BHD")).hasMessageContaining("BHD has 3 decimal places");
        assertThatThrownBy(() -> request.withCurrency("QQQ")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> request.withCurrency("XXX")).hasMessageContaining("no minor unit");
    }

    @Test
    void shouldTaxTheDiscountedAmountByDefault() {
        // 100.00 - 33.00 = 67.00 taxed at 0.25 = 16.75; total 67.00 + 16.75 = 83.75
        Order order = discounted("100.00", "33.00", TaxBase.AFTER_DISCOUNT);
        assertThat(order.tax()).isEqualByComparingTo("16.75");
        assertThat(order.total()).isEqualByComparingTo("83.75");

        Order free = discounted("100.00", "100.00", TaxBase.AFTER_DISCOUNT);
        assertThat(free.tax()).isEqualByComparingTo("0.00");
        assertThat(free.total()).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldTaxTheFullSubtotalWhenAskedToTaxBeforeTheDiscount() {
        Order order = discounted("100.00", "33.00", TaxBase.BEFORE_DISCOUNT);
        assertThat(order.tax()).isEqualByComparingTo("25.00");
        assertThat(order.total()).isEqualByComparingTo("92.00");

        Order free = discounted("100.00", "100.00", TaxBase.BEFORE_DISCOUNT);
        assertThat(free.tax()).isEqualByComparingTo("25.00");
        assertThat(free.total()).isEqualByComparingTo("25.00");
    }

    @Test
    void shouldAcceptTaxRatesFromZeroToOneInclusiveAndRefuseTheRest() {
        // A rate of exactly 1 (100%) is the upper bound, still allowed: tax equals the base.
        Order order = checkout("10.00", "USD", "1");
        assertThat(order.tax()).isEqualByComparingTo("10.00");
        assertThat(order.total()).isEqualByComparingTo("20.00");

        CheckoutRequest request = CheckoutRequest.of(shop.customer().id());
        assertThatThrownBy(() -> request.withTaxRate(new BigDecimal("1.0001")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("taxRate"))
                .hasMessageContaining("was 1.0001");
        assertThatThrownBy(() -> request.withTaxRate(new BigDecimal("-0.01")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("taxRate"));
    }

    private Order checkout(String price, String currency, String taxRate) {
        User user = shop.customer();
        Product product = shop.product(price, 5);
        tz.carts().add(user.id(), product.id(), 1);
        CheckoutResult result = tz.checkout().checkout(CheckoutRequest.of(user.id())
                .withCurrency(currency).withTaxRate(new BigDecimal(taxRate)));
        return result.order();
    }

    /** A price taxed at 0.25 with an order-level discount; AFTER_DISCOUNT goes through the request's default. */
    private Order discounted(String price, String discount, TaxBase base) {
        User user = shop.customer();
        Product product = shop.product(price, 5);
        tz.carts().add(user.id(), product.id(), 1);
        CheckoutRequest request = CheckoutRequest.of(user.id()).withTaxRate(new BigDecimal("0.25"))
                .withDiscount(new BigDecimal(discount));
        assertThat(request.taxBase()).isEqualTo(TaxBase.AFTER_DISCOUNT);
        return tz.checkout().checkout(base == TaxBase.AFTER_DISCOUNT ? request : request.withTaxBase(base)).order();
    }
}
