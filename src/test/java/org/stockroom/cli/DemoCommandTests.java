package org.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo runs once for the whole class: it starts its own store, which takes a few seconds. */
class DemoCommandTests {

    private static Cli.Run demo;

    @BeforeAll
    static void runTheDemo() {
        demo = Cli.standalone().run("demo");
    }

    @Test
    void finishesWithExitCodeZeroAndNothingOnStandardError() {
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.err()).isEmpty();
    }

    @Test
    void leavesNothingOnDisk() {
        Matcher m = Pattern.compile("throwaway database in (\\S+), deleted when it ends")
                .matcher(demo.out());
        assertThat(m.find()).as(demo.out()).isTrue();
        Path dir = Path.of(m.group(1));
        assertThat(dir.getFileName().toString()).startsWith("stockroom-demo-");
        assertThat(dir).doesNotExist();
        assertThat(Files.exists(dir.resolveSibling(dir.getFileName() + "-wal"))).isFalse();
        assertThat(demo.out()).contains("the demo's database has been deleted");
    }

    @Test
    void showsTheStartingInventoryOneRowPerProduct() {
        String start = section("1. The shop opens", "2. The day's orders");
        for (DemoCommand.Item p : DemoCommand.PRODUCTS) {
            assertThat(start)
                    .containsPattern("(?m)^" + Pattern.quote(p.sku()) + " " + Pattern.quote(p.name()) + " \\$[0-9,.]+ "
                            + p.stock() + " " + p.threshold() + " ok$");
        }
        assertThat(start).contains("LAP-PRO15 ProBook 15 Laptop $1,299.00 6 2 ok");
        assertThat(start).contains("MOU-WL Wireless Mouse $24.99 40 10 ok");
        assertThat(start).contains("Total 9 products 117");
    }

    @Test
    void printsEachAlertAfterTheOrderThatFiredIt() {
        String orders = section("2. The day's orders", "3. A delivery arrives");
        String order1003 = between(orders, "Order #1003", "Order #1004");
        assertThat(order1003)
                .contains("Sold for $5,395.96.")
                .contains(">> RESTOCK ALERT: ProBook 15 Laptop (LAP-PRO15) is running low: 2 left, restock at 2.");
        String order1005 = between(orders, "Order #1005", "Order #1006");
        assertThat(order1005)
                .contains(">> RESTOCK ALERT: Titan 17 Gaming Laptop (LAP-GAME17) is sold out, restock at 1.")
                .contains(">> RESTOCK ALERT: RGB Gaming Mouse (MOU-GAME) is running low: 3 left, restock at 3.");
        assertThat(between(orders, "Order #1001", "Order #1002")).doesNotContain("RESTOCK ALERT");
        assertThat(orders.substring(orders.indexOf("Order #1007")))
                .contains("ProBook 15 Laptop (LAP-PRO15) is sold out, restock at 2.");
    }

    @Test
    void refusesTheOrderThatAsksForMoreThanIsLeftNamingEveryShortage() {
        String refused = between(section("2. The day's orders", "3. A delivery arrives"), "Order #1006", "Order #1007");
        assertThat(refused)
                .contains(
                        "REFUSED, not enough stock: ProBook 15 Laptop (3 wanted, 2 left) and Nova Fold (5 wanted, 2 left).")
                .contains("Nothing was sold, not even the Wireless Mouse")
                .doesNotContain("Sold for");
    }

    @Test
    void theDeliveryResolvesTheSoldOutLaptopsAlert() {
        String delivery = section("3. A delivery arrives", "4. Closing time: the inventory");
        assertThat(delivery)
                .contains("5 x Titan 17 Gaming Laptop arrive from the supplier: 5 in stock now.")
                .contains("its restock alert is resolved");
        String alerts = section("Open restock alerts", "5. Sales summary");
        assertThat(alerts)
                .contains("LAP-PRO15 ProBook 15 Laptop OUT - sold out 0 2")
                .contains("MOU-GAME RGB Gaming Mouse LOW 3 3")
                .contains("PHN-FOLD Nova Fold LOW 2 2")
                .doesNotContain("LAP-GAME17");
    }

    @Test
    void closingInventoryShowsWhatWasSold() {
        String closing = section("4. Closing time: the inventory", "5. Sales summary");
        assertThat(closing)
                .contains("LAP-PRO15 ProBook 15 Laptop $1,299.00 0 2 6 OUT - sold out")
                .contains("MOU-WL Wireless Mouse $24.99 36 10 4 ok")
                .contains("LAP-GAME17 Titan 17 Gaming Laptop $1,899.00 5 1 3 ok");
        // 117 at the start, 28 sold, 5 received.
        assertThat(closing).contains("Total 9 products 94 28");
    }

    @Test
    void salesSummaryTotalsAreTheSumOfTheOrdersThatWentThrough() {
        Map<String, DemoCommand.Item> products =
                DemoCommand.PRODUCTS.stream().collect(Collectors.toMap(DemoCommand.Item::sku, p -> p));
        List<DemoCommand.Order> sold = DemoCommand.ORDERS.stream()
                .filter(o -> !o.reference().equals("Order #1006"))
                .toList();
        long units = sold.stream()
                .flatMap(o -> o.lines().values().stream())
                .mapToLong(Long::longValue)
                .sum();
        BigDecimal revenue = sold.stream()
                .flatMap(o -> o.lines().entrySet().stream())
                .map(l -> new BigDecimal(products.get(l.getKey()).price()).multiply(BigDecimal.valueOf(l.getValue())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(units).isEqualTo(28);
        assertThat(revenue).isEqualByComparingTo("19584.87");

        String summary = demo.squeezed().substring(demo.squeezed().indexOf("5. Sales summary"));
        assertThat(summary).contains("6 orders sold 28 units for $19,584.87.");
        assertThat(summary).contains("LAP-PRO15 ProBook 15 Laptop 6 $7,794.00 $5,430.00 $2,364.00");
        assertThat(summary).contains("Total 28 $19,584.87 $13,719.50 $5,865.37");
    }

    private static String section(String from, String to) {
        return between(demo.squeezed(), from, to);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + 1);
        assertThat(start).as("'" + from + "' in\n" + text).isNotNegative();
        assertThat(end).as("'" + to + "' after '" + from + "' in\n" + text).isGreaterThan(start);
        return text.substring(start, end);
    }
}
