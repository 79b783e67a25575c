package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.crmkit.jdbc.JdbcCrmStore;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void run_onTheInMemoryStore() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var customers = QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertWalkThrough(customers, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_onH2ThroughTheJdbcStore() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:quickstart;DB_CLOSE_DELAY=-1", "", "");
        try {
            JdbcCrmStore store = JdbcCrmStore.create(pool);
            store.migrate();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            var customers = QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), store);
            assertWalkThrough(customers, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            pool.dispose();
        }
    }

    private static void assertWalkThrough(java.util.List<org.crmkit.core.customer.Customer> customers, String out) {
        assertThat(customers).hasSize(4);
        assertThat(out)
                .contains("'ngoc' finds [Thị Ngọc Đặng]")
                .contains("'PHUONG' finds [Phương Nam]")
                .contains("'пет' finds [Иван Петров]")
                .contains("'山田' finds [山田 太郎]")
                .contains("Thị Ngọc Đặng is employee_of Phương Nam since 2021-06-01")
                .contains("found by phone '+84 912-345-678': [Thị Ngọc Đặng]")
                .contains("refused: Customer " + customers.get(1).id())
                .contains("cannot move from PROSPECT to INACTIVE")
                .contains("4 customers in all, 1 tagged vip, 1 prospects")
                .contains("PHONE   INBOUND  Hỏi giá đơn hàng tháng 3 và tháng 4")
                .contains("PHONE   1 in, 0 out, last 2026-03-02T08:15:00Z")
                .contains("EMAIL   0 in, 1 out")
                .contains("MEETING 0 in, 1 out")
                .contains("the company's timeline shows the meeting too: 1 interaction(s)")
                .contains("'Late delivery of order 2026-117' from WHATSAPP: assigned to minh.le")
                .contains("'Invoice 4711 charged twice' (billing): assigned to the owner linh.tran")
                .contains("overdue an hour later: [Late delivery of order 2026-117 (FIRST_RESPONSE)]")
                .contains("polled again: still 1 overdue, no second event")
                .contains("reminder at ")
                .contains("the scheduler polls again: 0 reminder(s)")
                .contains(
                        "cadence today: CadenceReport[customersChecked=1, lapsed=0, tasksCreated=0, alreadyPlanned=0]")
                .contains("360 of Thị Ngọc Đặng: 4 interactions")
                .contains("1 open request(s), 1 open task(s)")
                .contains("refused: reason: must be one of [price, competitor, no budget], was 'weather'")
                .contains("'Autumn restock' for Phương Nam, owner linh.tran: 10260000 VND, WON after 2 stage changes")
                .contains("order erp:SO-2026-0117: total 10260000 VND, margin 3060000 VND; orders on record: 1")
                .contains("quarter from 2026-01-01: 6 orders, revenue 54392500 VND, average order 9065417 VND")
                .contains("quarter from 2026-10-01: 4 orders, revenue 38680000 VND, average order 9670000 VND")
                .contains("suggested for Иван Петров: SKU-220 (confidence 0.74, lift 1.12, because SKU-118)")
                .contains(" for 2027-01-01 (80%: ")
                .contains("Proposal    1 open [50000000 VND]; reached by 2 closed, 50% of them won")
                .contains("Negotiation 1 open [20000000 VND]; reached by 0 closed" + System.lineSeparator())
                .contains("last 30 days: 1 won, 1 lost, win rate 50%, average deal [10260000 VND]")
                .contains("next month  minh.le   BEST_CASE 50000000 VND, weighted 20000000 VND")
                .contains("in 2 months linh.tran COMMIT    20000000 VND, weighted 18000000 VND")
                .contains("this month  linh.tran: quota 20000000 VND, won 10260000 VND (51%), forecast 10260000 VND")
                .contains("next month, PIPELINE, with calibrated probabilities: weighted 15000000 VND")
                .doesNotContain("(unexpected)");
        assertThat(out.split("event: FIRST_RESPONSE overdue for 'Late delivery of order 2026-117'", -1))
                .hasSize(2);
    }
}
