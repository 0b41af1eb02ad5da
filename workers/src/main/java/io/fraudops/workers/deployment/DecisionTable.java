package io.fraudops.workers.deployment;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The repository's decision table as the deployment policy sees it: the decision's id, its version
 * tag ({@code zeebe:versionTag} in the decision's extension elements, set in Modeler's properties
 * panel) and a checksum of the file.
 */
record DecisionTable(
    String decisionId,
    String versionTag,
    String checksum,
    ProcessResources.DeployableResource file) {

  static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
  private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  DecisionTable {
    if (versionTag == null || versionTag.isBlank()) {
      throw new IllegalStateException(
          "The decision "
              + decisionId
              + " in "
              + file.name()
              + " has no version tag; the process binds it by"
              + " version tag (zeebe:versionTag in the decision's extension elements, Modeler: General > Version tag)");
    }
  }

  /** Reads the first decision of a DMN file. */
  static DecisionTable of(ProcessResources.DeployableResource file) {
    String name = file.name();
    byte[] dmn = file.content();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root =
          factory.newDocumentBuilder().parse(new ByteArrayInputStream(dmn)).getDocumentElement();
      NodeList decisions = root.getElementsByTagNameNS(DMN_NS, "decision");
      if (decisions.getLength() == 0) {
        throw new IllegalStateException(name + " holds no DMN 1.3 decision");
      }
      Element decision = (Element) decisions.item(0);
      NodeList tags = decision.getElementsByTagNameNS(ZEEBE_NS, "versionTag");
      String tag = tags.getLength() == 0 ? null : ((Element) tags.item(0)).getAttribute("value");
      return new DecisionTable(decision.getAttribute("id"), tag, sha256(dmn), file);
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot read the decision table " + name + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return decisionId
        + " (version tag "
        + versionTag
        + ", "
        + file.name()
        + ", sha-256 "
        + checksum.substring(0, 12)
        + "…)";
  }
}
