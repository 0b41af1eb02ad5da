package io.fraudops.workers.payment;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Listens on the ledger's notification channel with one dedicated connection and wakes this
 * replica's waiting answers. If the connection is lost it reconnects and wakes every waiter, which
 * then read the ledger again (the answer never depends on a notification alone).
 */
class LedgerListener implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LedgerListener.class);
  private static final Duration RECONNECT = Duration.ofSeconds(1);

  private final DataSource dataSource;
  private final AnswerWaiters waiters;
  private volatile boolean running = true;
  private Thread thread;

  LedgerListener(DataSource dataSource, AnswerWaiters waiters) {
    this.dataSource = dataSource;
    this.waiters = waiters;
  }

  @Override
  public void afterPropertiesSet() {
    thread = Thread.ofPlatform().daemon().name("ledger-listener").start(this::loop);
  }

  private void loop() {
    boolean warned = false;
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + JdbcPaymentLedger.CHANNEL);
        }
        if (warned) {
          log.info("Listening to ledger notifications again");
          warned = false;
        }
        waiters.wakeAll();
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              waiters.changed(notification.getParameter());
            }
          }
        }
      } catch (Exception e) {
        if (!running) {
          return;
        }
        if (!warned) {
          log.warn(
              "Ledger notifications interrupted ({}); answers fall back to reading the ledger",
              e.toString());
          warned = true;
        }
        waiters.wakeAll();
        try {
          Thread.sleep(RECONNECT);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(2_000);
    }
  }
}
