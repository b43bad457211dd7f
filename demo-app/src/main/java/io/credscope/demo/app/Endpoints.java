package io.credscope.demo.app;

import java.net.URI;

/** Where the application's AWS clients send their calls: the demo's fakes. */
record Endpoints(URI sts, URI s3, URI dynamoDb, URI ec2) {
}
