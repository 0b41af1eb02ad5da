package io.fraudops.workers.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * With a cluster the analysts work in Tasklist: the page exists only beside the local review inbox.
 */
class ReviewPageModeTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner().withUserConfiguration(ReviewPage.class);

  @Test
  void servedInTheLocalReviewModeOnly() {
    runner
        .withPropertyValues("fraud.review.mode=job-worker")
        .run(context -> assertThat(context).hasSingleBean(ReviewPage.class));
    runner
        .withPropertyValues("fraud.review.mode=tasklist")
        .run(context -> assertThat(context).doesNotHaveBean(ReviewPage.class));
    runner.run(context -> assertThat(context).doesNotHaveBean(ReviewPage.class));
  }
}
