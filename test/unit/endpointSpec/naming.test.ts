import assert from 'node:assert/strict';
import { camel, kebab, pascal, plural, resourceNames, singular, words } from '../../../src/core/endpointSpec/naming';

describe('naming', () => {
  it('pluralises with the common English rules', () => {
    const cases: Record<string, string> = {
      product: 'products',
      category: 'categories',
      box: 'boxes',
      status: 'statuses',
      address: 'addresses',
      church: 'churches',
      dish: 'dishes',
      day: 'days',
      key: 'keys',
      analysis: 'analyses',
      photo: 'photos',
      users: 'users',
    };
    for (const [word, expected] of Object.entries(cases)) {
      assert.equal(plural(word), expected, word);
    }
  });

  it('knows the irregulars and the uncountables', () => {
    assert.equal(plural('person'), 'people');
    assert.equal(plural('child'), 'children');
    assert.equal(plural('mouse'), 'mice');
    assert.equal(plural('leaf'), 'leaves');
    assert.equal(plural('hero'), 'heroes');
    assert.equal(plural('people'), 'people');
    assert.equal(plural('data'), 'data');
    assert.equal(plural('news'), 'news');
  });

  it('pluralises the last word of a compound name, keeping its case', () => {
    assert.equal(plural('userAccount'), 'userAccounts');
    assert.equal(plural('ProductCategory'), 'ProductCategories');
    assert.equal(plural('salesPerson'), 'salesPeople');
    assert.equal(plural('Person'), 'People');
  });

  it('singularises, inverting plural', () => {
    for (const word of ['product', 'category', 'box', 'status', 'address', 'person', 'child', 'movie', 'userAccount', 'leaf']) {
      assert.equal(singular(plural(word)), word, word);
    }
    assert.equal(singular('pets'), 'pet');
    assert.equal(singular('warehouses'), 'warehouse');
    assert.equal(singular('houses'), 'house');
    assert.equal(singular('buses'), 'bus');
    assert.equal(singular('status'), 'status');
    assert.equal(singular('news'), 'news');
  });

  it('splits and joins names in every case style', () => {
    assert.deepEqual(words('HTTPServerError'), ['http', 'server', 'error']);
    assert.deepEqual(words('user_id-value v2Name'), ['user', 'id', 'value', 'v2', 'name']);
    assert.equal(pascal('user-account'), 'UserAccount');
    assert.equal(pascal('user_account'), 'UserAccount');
    assert.equal(camel('UserAccount'), 'userAccount');
    assert.equal(camel('user id'), 'userId');
    assert.equal(camel('userID'), 'userId');
    assert.equal(kebab('userAccount'), 'user-account');
    assert.equal(kebab('UserAccount'), 'user-account');
    assert.equal(kebab('HTTPServer'), 'http-server');
  });

  it('derives every resource name, with basePath defaulting to the kebab plural', () => {
    assert.deepEqual(resourceNames({ resource: 'userAccount' }), {
      singular: 'userAccount',
      plural: 'userAccounts',
      Pascal: 'UserAccount',
      PluralPascal: 'UserAccounts',
      kebabPlural: 'user-accounts',
      basePath: '/user-accounts',
    });
    assert.deepEqual(resourceNames({ resource: 'category', basePath: '/api/v1/categories' }), {
      singular: 'category',
      plural: 'categories',
      Pascal: 'Category',
      PluralPascal: 'Categories',
      kebabPlural: 'categories',
      basePath: '/api/v1/categories',
    });
    assert.equal(resourceNames({ resource: 'person' }).basePath, '/people');
  });
});
