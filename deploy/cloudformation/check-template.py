#!/usr/bin/env python3
"""Offline check of a CloudFormation YAML template, for machines without cfn-lint or an AWS account.

Loads it with the short-form intrinsic tags (!Ref, !GetAtt, !Sub, ...), refuses YAML aliases (which
CloudFormation rejects), checks that every !Ref, !GetAtt, ${} in !Sub, condition and DependsOn names
something the template defines, and that dashboard bodies are JSON. Prints the resource types.

    python3 deploy/cloudformation/check-template.py deploy/cloudformation/media-pipeline.yaml
"""
import json
import re
import sys

import yaml

PSEUDO = {"AWS::AccountId", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId",
          "AWS::StackName", "AWS::URLSuffix"}


class Tagged:
    def __init__(self, tag, value):
        self.tag, self.value = tag, value


class Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise SystemExit("YAML aliases are not allowed in CloudFormation templates")
        return super().compose_node(parent, index)


def construct(loader, tag, node):
    if isinstance(node, yaml.ScalarNode):
        return Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    return Tagged(tag, loader.construct_mapping(node, deep=True))


Loader.add_multi_constructor("!", construct)


def check(template):
    params = template.get("Parameters", {})
    resources = template["Resources"]
    conditions = template.get("Conditions", {})
    errors = []

    def known(name):
        return name in params or name in resources or name in PSEUDO

    def walk(node, where):
        if isinstance(node, Tagged):
            tag, value = node.tag, node.value
            if tag == "Ref" and not known(value):
                errors.append(f"{where}: !Ref {value}")
            elif tag == "GetAtt":
                target = value.split(".")[0] if isinstance(value, str) else value[0]
                if target not in resources:
                    errors.append(f"{where}: !GetAtt {value}")
            elif tag == "Sub":
                text, variables = (value, {}) if isinstance(value, str) else (value[0], value[1])
                for ref in re.findall(r"\$\{([^!}][^}]*)\}", text):
                    if ref not in variables and not known(ref) and ref.split(".")[0] not in resources:
                        errors.append(f"{where}: !Sub ${{{ref}}}")
                walk(variables, where)
                return
            elif tag == "If" and value[0] not in conditions:
                errors.append(f"{where}: !If {value[0]}")
            elif tag == "Condition" and value not in conditions:
                errors.append(f"{where}: !Condition {value}")
            walk(value, where)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "Condition" and isinstance(value, str) and value not in conditions:
                    errors.append(f"{where}: Condition {value}")
                if key == "DependsOn":
                    errors.extend(f"{where}: DependsOn {d}" for d in ([value] if isinstance(value, str) else value)
                                  if d not in resources)
                walk(value, where)
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    for name, resource in resources.items():
        walk(resource, name)
        if resource["Type"] == "AWS::CloudWatch::Dashboard":
            body = resource["Properties"]["DashboardBody"]
            text = body.value[0] if isinstance(body.value, list) else body.value
            try:
                json.loads(re.sub(r"\$\{[^}]+\}", "x", text))
            except json.JSONDecodeError as e:
                errors.append(f"{name}: dashboard body is not JSON: {e}")
    walk(template.get("Outputs", {}), "Outputs")
    walk(template.get("Rules", {}), "Rules")
    walk(conditions, "Conditions")
    return errors


def main(path):
    with open(path) as f:
        template = yaml.load(f, Loader=Loader)
    types = {}
    for resource in template["Resources"].values():
        types[resource["Type"]] = types.get(resource["Type"], 0) + 1
    for name, count in sorted(types.items()):
        print(f"{count:3} {name}")
    print(f"{len(template['Resources'])} resources, {len(template.get('Parameters', {}))} parameters, "
          f"{len(template.get('Conditions', {}))} conditions, {len(template.get('Outputs', {}))} outputs")
    errors = check(template)
    for error in errors:
        print("unresolved:", error)
    if errors:
        sys.exit(1)
    print("references OK")


if __name__ == "__main__":
    main(sys.argv[1])
