package org.stockroom;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.stockroom.cli.StockroomCommand;

/** One jar, three faces: {@code serve} starts the web UI and JSON API; every other command runs and exits. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StockroomApplication {

    public static void main(String[] args) {
        System.exit(StockroomCommand.run(args));
    }
}
