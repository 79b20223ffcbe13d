package dev.terp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TerpApplication {

    public static void main(String[] args) {
        SpringApplication.run(TerpApplication.class, args);
    }
}
