import { defineScopeCases } from '../support/scope-cases.js';

const docs = 'the API description (swagger UI and its OpenAPI document): no data';

export default defineScopeCases({
  module: 'platform',
  unscoped: {
    'GET /api/health': 'liveness answer, no data',
    'GET /api/ready': 'readiness of the database and the queue, no data',
    'GET /api/docs': docs,
    'GET /api/docs/': docs,
    'GET /api/docs/*': docs,
    'GET /api/docs/json': docs,
    'GET /api/docs/yaml': docs,
    'GET /api/docs/static/index.html': docs,
    'GET /api/docs/static/swagger-initializer.js': docs,
  },
});
