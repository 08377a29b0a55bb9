package org.stockroom.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalDistributionTests {

    @Test
    void inverseMatchesTabulatedZScores() {
        // Values from standard normal tables (to 9 decimals).
        assertThat(NormalDistribution.inverse(0.5)).isCloseTo(0.0, within(1e-9));
        assertThat(NormalDistribution.inverse(0.8413447461)).isCloseTo(1.0, within(1e-7));
        assertThat(NormalDistribution.inverse(0.90)).isCloseTo(1.281551566, within(1e-7));
        assertThat(NormalDistribution.inverse(0.95)).isCloseTo(1.644853627, within(1e-7));
        assertThat(NormalDistribution.inverse(0.975)).isCloseTo(1.959963985, within(1e-7));
        assertThat(NormalDistribution.inverse(0.99)).isCloseTo(2.326347874, within(1e-7));
        assertThat(NormalDistribution.inverse(0.999)).isCloseTo(3.090232306, within(1e-6));
        assertThat(NormalDistribution.inverse(0.01)).isCloseTo(-2.326347874, within(1e-7));
        assertThat(NormalDistribution.inverse(0.001)).isCloseTo(-3.090232306, within(1e-6));
    }

    @Test
    void refusesProbabilitiesOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> NormalDistribution.inverse(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NormalDistribution.inverse(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
