import { EndpointSpecSchema, type EndpointSpec, type EndpointSpecInput } from '../../src/core/endpointSpec';

/** A spec to generate and the handler bodies an LLM would have answered for it. */
export interface GenerationCase {
  readonly name: string;
  readonly spec: EndpointSpec;
  readonly handlerBodies: Readonly<Record<string, string>>;
}

const parse = (input: EndpointSpecInput): EndpointSpec => EndpointSpecSchema.parse(input);

/** The smallest CRUD: gadgets with a name, list and get only (for registration and layout tests). */
export const gadgetsListAndGet: GenerationCase = {
  name: 'gadgets list and get',
  spec: parse({
    version: 1,
    resource: 'gadget',
    crud: { entity: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2 } } }, operations: ['list', 'get'] },
  }),
  handlerBodies: {},
};

export const productsCrud: GenerationCase = {
  name: 'products CRUD',
  spec: parse({
    version: 1,
    resource: 'product',
    crud: {
      entity: {
        type: 'object',
        required: ['name', 'price'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 120 },
          price: { type: 'number', exclusiveMinimum: 0 },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  }),
  handlerBodies: {},
};

export const userRegistration: GenerationCase = {
  name: 'user registration',
  spec: parse({
    version: 1,
    resource: 'user',
    endpoints: [{
      operationId: 'registerUser',
      method: 'POST',
      path: '/users/register',
      summary: 'Register a user',
      body: {
        type: 'object',
        required: ['email', 'phone', 'password'],
        properties: {
          email: { type: 'string', format: 'email', maxLength: 254 },
          phone: { type: 'string', pattern: '^\\+?[1-9]\\d{7,14}$' },
          password: { type: 'string', minLength: 8, maxLength: 72, pattern: '^(?=.*[a-z])(?=.*[A-Z]).+$', examples: ['Secret123A'] },
        },
        additionalProperties: false,
      },
      responses: { '201': { description: 'Registered' }, '400': { description: 'Invalid' } },
      logic: 'Never return the password.',
    }],
  }),
  handlerBodies: {
    registerUser: 'const { password: _password, ...account } = body;\nres.status(201).json({ id: Date.now(), ...account });',
  },
};

export const everyFeature: GenerationCase = {
  name: 'every JSON Schema keyword',
  spec: parse({
    version: 1,
    resource: 'shipment',
    endpoints: [{
      operationId: 'createShipment',
      method: 'POST',
      path: '/shipments/{warehouseId}',
      summary: 'Create a shipment',
      pathParams: { type: 'object', required: ['warehouseId'], properties: { warehouseId: { type: 'integer', minimum: 1, maximum: 9999 } } },
      query: {
        type: 'object',
        properties: {
          priority: { type: 'string', enum: ['low', 'normal', 'high'] },
          dryRun: { type: 'boolean' },
          limit: { type: 'integer', minimum: 1, maximum: 100 },
        },
      },
      body: {
        type: 'object',
        required: ['reference', 'contact', 'weightKg', 'items', 'address'],
        additionalProperties: false,
        properties: {
          reference: { type: 'string', minLength: 3, maxLength: 20, pattern: '^[A-Z]{2}-\\d{4}$', examples: ['AB-1234'], description: 'Order reference' },
          contact: { type: 'string', format: 'email' },
          trackingId: { type: 'string', format: 'uuid' },
          shipAt: { type: 'string', format: 'date-time' },
          deliverOn: { type: 'string', format: 'date' },
          callback: { type: 'string', format: 'uri' },
          website: { type: 'string', format: 'url' },
          originIp: { type: 'string', format: 'ipv4' },
          originIp6: { type: 'string', format: 'ipv6' },
          carrierHost: { type: 'string', format: 'hostname' },
          weightKg: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1000, multipleOf: 0.5 },
          parcels: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
          insuredValue: { type: 'number', minimum: 0, maximum: 100000 },
          speed: { type: 'integer', enum: [1, 2, 3] },
          fragile: { type: 'boolean' },
          note: { type: 'string', maxLength: 200, nullable: true },
          legacy: { type: 'null' },
          items: { type: 'array', minItems: 1, maxItems: 5, uniqueItems: true, items: { type: 'string', minLength: 2 } },
          address: {
            type: 'object',
            required: ['city', 'zip'],
            additionalProperties: false,
            properties: { city: { type: 'string', minLength: 1 }, zip: { type: 'string', pattern: '^\\d{5}$' } },
          },
        },
      },
      responses: { '202': { description: 'Accepted' } },
    }],
  }),
  handlerBodies: {
    createShipment: 'res.status(202).json({ accepted: true, warehouseId: params.warehouseId, reference: body.reference });',
  },
};

export const productSearch: GenerationCase = {
  name: 'a second endpoint on products',
  spec: parse({
    version: 1,
    resource: 'product',
    crud: productsCrud.spec.crud,
    endpoints: [{
      operationId: 'searchProducts',
      method: 'GET',
      path: '/products/search',
      summary: 'Search products by name',
      query: { type: 'object', required: ['q'], properties: { q: { type: 'string', minLength: 1, maxLength: 50 }, maxPrice: { type: 'number', minimum: 0 } } },
      responses: { '200': { description: 'Matches' } },
    }],
  }),
  handlerBodies: {
    searchProducts: 'const all = await repository.list();\nres.status(200).json(all.filter((p) => p.name.includes(query.q) && (query.maxPrice === undefined || p.price <= query.maxPrice)));',
  },
};


/** A custom operation without logic (OpenAPI input, no LLM): its handler answers 501 and its success test is a todo. */
export const unimplementedOperation: GenerationCase = {
  name: 'an operation without logic',
  spec: parse({
    version: 1,
    resource: 'report',
    endpoints: [{
      operationId: 'publishReport',
      method: 'POST',
      path: '/reports/{reportId}/publish',
      summary: 'Publish a report',
      pathParams: { type: 'object', required: ['reportId'], properties: { reportId: { type: 'integer', minimum: 1 } } },
      query: { type: 'object', properties: { notify: { type: 'boolean' } } },
      body: { type: 'object', required: ['channel'], properties: { channel: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$' } } },
      responses: { '200': { description: 'Published' }, '400': { description: 'Invalid' } },
    }],
  }),
  handlerBodies: {},
};

export const ALL_CASES: readonly GenerationCase[] = [productsCrud, userRegistration, everyFeature, productSearch, unimplementedOperation];
