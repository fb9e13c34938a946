export { CRUD_OPERATIONS, CrudSpecSchema, ENDPOINT_SPEC_FORMAT, EndpointSchema, EndpointSpecSchema, HTTP_METHODS, ResponseSpecSchema, type CrudSpec, type Endpoint, type EndpointSpec, type EndpointSpecInput, type ResponseSpec } from './endpointSpec';
export { JSON_SCHEMA_FORMATS, JsonSchemaSchema, type JsonSchema, type JsonSchemaFormat } from './jsonSchema';
export * from './inputs';
export { camel, kebab, pascal, plural, resourceNames, singular, words, type ResourceNames } from './naming';
