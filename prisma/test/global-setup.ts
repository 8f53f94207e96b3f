import { setUpTestServer } from '../src/database/test-server';

export default setUpTestServer;
