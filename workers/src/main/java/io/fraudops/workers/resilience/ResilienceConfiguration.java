package io.fraudops.workers.resilience;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PostgreSQL side of the breakers: the guarded main pool, the feature-read pool and the probe.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

  /** Puts Spring Boot's data source behind the {@code postgres} breaker, for every user of it. */
  @Bean
  static BeanPostProcessor guardedDataSource(ObjectProvider<DependencyBreakers> breakers) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource dataSource
            && !(bean instanceof GuardedDataSource)
            && "dataSource".equals(name)) {
          return new GuardedDataSource(dataSource, breakers::getObject);
        }
        return bean;
      }
    };
  }

  @Bean(destroyMethod = "close")
  FeatureReadPool featureReadPool(DataSource dataSource, PostgresTimeouts timeouts)
      throws SQLException {
    if (!dataSource.isWrapperFor(HikariDataSource.class)) {
      throw new IllegalStateException(
          "the feature-read pool copies its settings from the application's Hikari pool; got "
              + dataSource.getClass().getName());
    }
    return new FeatureReadPool(dataSource.unwrap(HikariDataSource.class), timeouts);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  PostgresProbe postgresProbe(
      FeatureReadPool pool, DependencyBreakers breakers, PostgresTimeouts timeouts) {
    return new PostgresProbe(pool, breakers, timeouts);
  }
}
