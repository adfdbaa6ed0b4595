/** Manifests shared by the tests: a Widget CRD with printer columns, status and a schema. */

/** The Widget CRD (widgets.example.com/v1, namespaced). */
export const WIDGET_CRD_YAML = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names:
    plural: widgets
    singular: widget
    kind: Widget
    shortNames: [wd]
  versions:
  - name: v1
    served: true
    storage: true
    subresources:
      status: {}
    additionalPrinterColumns:
    - name: Replicas
      type: integer
      jsonPath: .spec.replicas
    - name: Size
      type: string
      jsonPath: .spec.size
    - name: Phase
      type: string
      jsonPath: .status.phase
    - name: Age
      type: date
      jsonPath: .metadata.creationTimestamp
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [replicas]
            properties:
              replicas:
                type: integer
                minimum: 0
                maximum: 10
              size:
                type: string
                enum: [small, large]
              tags:
                type: array
                items:
                  type: string
              extra:
                type: object
                x-kubernetes-preserve-unknown-fields: true
          status:
            type: object
            properties:
              phase:
                type: string
              observedGeneration:
                type: integer
`;

/** A Widget instance manifest. */
export function widgetYaml(name: string, replicas: number, extra = ''): string {
  return `apiVersion: example.com/v1
kind: Widget
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  size: small
${extra}`;
}
