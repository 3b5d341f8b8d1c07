/** A template's resource, as `cdk synth` writes it. */
export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

/** A synthesised CloudFormation template: what this file reads of it. */
export interface SynthesisedTemplate {
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
}

/** What a deployment made of each resource: the physical ids CloudFormation would resolve references to. */
export interface Deployment {
  /** What `{ Ref: logicalId }` gives: a queue's URL, a function's or table's name, a secret's ARN… */
  ref(logicalId: string, resource: TemplateResource): string;
  /** What `{ 'Fn::GetAtt': [logicalId, attribute] }` gives. */
  attribute(logicalId: string, resource: TemplateResource, attribute: string): string;
}

export interface PseudoParameters {
  region: string;
  accountId: string;
  stackName: string;
}

/**
 * The stack's outputs as CloudFormation's DescribeStacks would show them once the synthesised template is
 * deployed: each output's `Value` with its intrinsic functions resolved (`Ref` of resources and pseudo
 * parameters, `Fn::GetAtt`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::Sub` with `${Name}`/`${Name.Attr}`) against
 * the physical ids a `Deployment` gives. An intrinsic it does not know fails loudly, so that a template that
 * starts using one is noticed rather than half-resolved.
 */
export function deployedOutputs(template: SynthesisedTemplate, deployment: Deployment, pseudo: PseudoParameters): Record<string, string> {
  const refOf = (name: string): string => {
    const pseudoValue: Record<string, string> = {
      'AWS::Region': pseudo.region,
      'AWS::AccountId': pseudo.accountId,
      'AWS::StackName': pseudo.stackName,
      'AWS::StackId': `arn:aws:cloudformation:${pseudo.region}:${pseudo.accountId}:stack/${pseudo.stackName}/5b6e1c40-a3f1-11ef-9b2c-0e1b2c3d4e5f`,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
    };
    const fromPseudo = pseudoValue[name];
    if (fromPseudo !== undefined) return fromPseudo;
    const resource = template.Resources[name];
    if (resource === undefined) throw new Error(`Ref to ${name}, which the template does not declare`);
    return deployment.ref(name, resource);
  };
  const attributeOf = (logicalId: string, attribute: string): string => {
    const resource = template.Resources[logicalId];
    if (resource === undefined) throw new Error(`Fn::GetAtt of ${logicalId}, which the template does not declare`);
    return deployment.attribute(logicalId, resource, attribute);
  };
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null) throw new Error(`cannot resolve ${JSON.stringify(value)}`);
    const [[name, argument], ...more] = Object.entries(value) as [string, unknown][] as [[string, unknown], ...[string, unknown][]];
    if (more.length > 0) throw new Error(`cannot resolve ${JSON.stringify(value)}: not one intrinsic function`);
    switch (name) {
      case 'Ref':
        return refOf(String(argument));
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = typeof argument === 'string' ? (argument.split('.', 2) as [string, string]) : (argument as [string, string]);
        return attributeOf(logicalId, attribute);
      }
      case 'Fn::Join': {
        const [separator, parts] = argument as [string, unknown[]];
        return parts.map(resolve).join(separator);
      }
      case 'Fn::Select': {
        const [index, list] = argument as [number | string, unknown];
        return resolveList(list)[Number(index)] ?? '';
      }
      case 'Fn::Sub': {
        const [text, variables = {}] = typeof argument === 'string' ? [argument, {}] : (argument as [string, Record<string, unknown>]);
        return text.replace(/\$\{([^}]+)\}/g, (_, reference: string) => {
          if (reference in variables) return resolve(variables[reference]);
          const [logicalId, attribute] = reference.split('.', 2) as [string, string | undefined];
          return attribute === undefined ? refOf(logicalId) : attributeOf(logicalId, attribute);
        });
      }
      default:
        throw new Error(`cannot resolve ${name}: the deployment stand-in does not know it`);
    }
  };
  const resolveList = (value: unknown): string[] => {
    if (Array.isArray(value)) return value.map(resolve);
    const split = (value as { 'Fn::Split'?: [string, unknown] })['Fn::Split'];
    if (split === undefined) throw new Error(`cannot resolve ${JSON.stringify(value)} as a list`);
    return resolve(split[1]).split(split[0]);
  };
  return Object.fromEntries(Object.entries(template.Outputs ?? {}).map(([key, output]) => [key, resolve(output.Value)]));
}
