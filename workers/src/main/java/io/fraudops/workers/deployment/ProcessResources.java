package io.fraudops.workers.deployment;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The BPMN, DMN and form files shipped from the repository's {@code processes/}, {@code
 * decision-tables/} and {@code forms/} folders, ready to deploy.
 */
public final class ProcessResources {

  /** One file to deploy: its name and content. */
  public record DeployableResource(String name, byte[] content) {

    public boolean isDecision() {
      return name.endsWith(".dmn");
    }
  }

  private static final String[] PATTERNS = {
    "classpath*:processes/*.bpmn", "classpath*:decision-tables/*.dmn", "classpath*:forms/*.form"
  };

  private ProcessResources() {}

  /**
   * Loads every model. With {@code jobWorkerUserTasks}, Camunda user tasks are turned into
   * job-worker user tasks: the embedded engine has no REST API, so a Camunda user task could never
   * be completed there, while a job-worker one is completed over gRPC. The files in the repository
   * stay Tasklist-ready; only the copy sent to the embedded engine is changed (see {@link
   * #withJobWorkerUserTasks}).
   */
  public static List<DeployableResource> load(boolean jobWorkerUserTasks) {
    List<DeployableResource> resources = new ArrayList<>();
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          byte[] content = resource.getContentAsByteArray();
          String name = resource.getFilename();
          if (jobWorkerUserTasks && name.endsWith(".bpmn")) {
            content = withJobWorkerUserTasks(content);
          }
          resources.add(new DeployableResource(name, content));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models from the classpath", e);
    }
    if (resources.stream().noneMatch(r -> r.name().endsWith(".bpmn"))) {
      throw new IllegalStateException("No BPMN process found on the classpath under processes/");
    }
    return resources;
  }

  /**
   * The job-worker copy of a process: {@code zeebe:userTask} goes, and with it what only a Camunda
   * user task supports and the engine would refuse to deploy on a job-worker one: the priority (the
   * review inbox sorts by the {@code reviewPriority} variable the same expression reads) and the
   * task listeners (there is no Tasklist completion to listen to: the inbox completes the job, and
   * the analyst it records comes from the inbox's caller). Execution listeners, the form, the
   * candidate groups and the boundary timers stay.
   */
  static byte[] withJobWorkerUserTasks(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ExtensionElements extensions = task.getExtensionElements();
      if (extensions == null) {
        continue;
      }
      extensions
          .getChildElementsByType(ZeebeUserTask.class)
          .forEach(extensions::removeChildElement);
      extensions
          .getChildElementsByType(ZeebePriorityDefinition.class)
          .forEach(extensions::removeChildElement);
      extensions
          .getChildElementsByType(ZeebeTaskListeners.class)
          .forEach(extensions::removeChildElement);
    }
    var out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);
    return out.toByteArray();
  }
}
