import { tearDownTestServer } from '../src/database/test-server';

export default tearDownTestServer;
