const { total } = require('./lib/orders');

exports.handler = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ total: total(JSON.parse(event.body || '[]')) }),
});
