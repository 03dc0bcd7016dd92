package dev.comptoir.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    @Test
    void load_everyNamedScenario_parsesWithItsNameAndDescription() {
        for (String name : Scenarios.NAMES) {
            SimulationConfig c = Scenarios.load(name);
            assertThat(c.name()).isEqualTo(name);
            assertThat(c.description()).isNotBlank();
        }
        assertThat(Scenarios.load("stock-race").hotProducts()).isPositive();
        assertThat(Scenarios.load("crash-storm").crashRate()).isPositive();
        assertThat(Scenarios.load("payment-outage").failureAmounts()).contains(new BigDecimal("29.88"));
    }

    @Test
    void parse_yamlWithSections_setsEveryField() {
        SimulationConfig c = Scenarios.parse("mine.yaml", """
                seed: 3
                orders: 12
                catalogue: {products: 9, hot_products: 2, hot_share: 0.5}
                faults:
                  payment_failure_rate: 0.25
                  failure_amounts: [10.00, "20.50"]
                  crash_rate: 0.01
                """);

        assertThat(c.name()).isEqualTo("mine");
        assertThat(c.seed()).isEqualTo(3);
        assertThat(c.orders()).isEqualTo(12);
        assertThat(c.products()).isEqualTo(9);
        assertThat(c.hotShare()).isEqualTo(0.5);
        assertThat(c.paymentFailureRate()).isEqualTo(0.25);
        assertThat(c.failureAmounts()).containsExactly(new BigDecimal("10.00"), new BigDecimal("20.50"));
        assertThat(c.crashRate()).isEqualTo(0.01);
    }

    @Test
    void load_documentedExampleFile_isValid() {
        SimulationConfig c = Scenarios.load("../docs/scenarios/example.yaml");

        assertThat(c.name()).isEqualTo("example");
        assertThat(c.hotProducts()).isEqualTo(3);
    }

    @Test
    void parse_json_isAccepted() {
        SimulationConfig c = Scenarios.parse("x.json", "{\"orders\": 7, \"faults\": {\"stock_failure_rate\": 0.5}}");

        assertThat(c.orders()).isEqualTo(7);
        assertThat(c.stockFailureRate()).isEqualTo(0.5);
    }

    @Test
    void parse_unknownField_namesIt() {
        assertThatThrownBy(() -> Scenarios.parse("bad.yaml", "faults: {crash_rat: 0.1}"))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("faults.crash_rat")
                .hasMessageContaining("unknown field")
                .satisfies(e -> assertThat(((SimulationException) e).isBadInput()).isTrue());
    }

    @Test
    void parse_wrongType_namesTheField() {
        assertThatThrownBy(() -> Scenarios.parse("bad.yaml", "orders: many"))
                .hasMessageContaining("'orders'").hasMessageContaining("must be an integer");
    }

    @Test
    void parse_outOfRange_namesTheQualifiedField() {
        assertThatThrownBy(() -> Scenarios.parse("bad.yaml", "faults: {payment_failure_rate: 1.5}"))
                .hasMessageContaining("faults.payment_failure_rate").hasMessageContaining("[0, 1]");
    }

    @Test
    void parse_notYaml_isBadScenario() {
        assertThatThrownBy(() -> Scenarios.parse("bad.yaml", "orders: [1, 2"))
                .isInstanceOf(SimulationException.class).hasMessageContaining("not valid YAML or JSON");
    }

    @Test
    void load_unknownNameAndNoFile_listsTheKnownScenarios() {
        assertThatThrownBy(() -> Scenarios.load("no-such-scenario"))
                .hasMessageContaining("normal-day").hasMessageContaining("no such file");
    }
}
