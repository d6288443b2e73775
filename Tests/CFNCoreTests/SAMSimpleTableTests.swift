@testable import CFNCore
import CFNLoader
import Testing

/// `AWS::Serverless::SimpleTable` (samtranslator/model/sam_resources.py, `SamSimpleTable`); the
/// expected tables and messages are the translator's for the same templates.
@Suite struct SAMSimpleTableTests {
    @Test func aTableOfDefaultsIsOnDemandWithAnIdKey() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              SimpleTable:
                SSESpecification: {SSEEnabled: true}
            Resources:
              Plain:
                Type: AWS::Serverless::SimpleTable
              Keyed:
                Type: AWS::Serverless::SimpleTable
                Condition: Always
                DeletionPolicy: Retain
                Metadata: {Owner: me}
                Properties:
                  PrimaryKey: {Name: k, Type: Number}
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
                  TableName: !Sub ${AWS::StackName}-keyed
                  Tags: {team: a, empty: null}
            Conditions:
              Always: !Equals [a, a]
            """)
        #expect(expansion.findings.isEmpty)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(SAMConformanceTests.canonical(resources["Plain"]) == SAMConformanceTests.canonical([
            "Type": "AWS::DynamoDB::Table",
            "Properties": [
                "AttributeDefinitions": [["AttributeName": "id", "AttributeType": "S"]],
                "KeySchema": [["AttributeName": "id", "KeyType": "HASH"]],
                "BillingMode": "PAY_PER_REQUEST", "SSESpecification": ["SSEEnabled": true],
            ],
        ]))
        #expect(SAMConformanceTests.canonical(resources["Keyed"]) == SAMConformanceTests.canonical([
            "Type": "AWS::DynamoDB::Table", "Condition": "Always", "DeletionPolicy": "Retain", "Metadata": ["Owner": "me"],
            "Properties": [
                "AttributeDefinitions": [["AttributeName": "k", "AttributeType": "N"]],
                "KeySchema": [["AttributeName": "k", "KeyType": "HASH"]],
                "ProvisionedThroughput": ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5],
                "SSESpecification": ["SSEEnabled": true],
                "TableName": ["Fn::Sub": "${AWS::StackName}-keyed"],
                "Tags": [["Key": "team", "Value": "a"], ["Key": "empty", "Value": ""]],
            ],
        ]))
    }

    @Test func theTranslatorsChecksAreErrorsAtTheKey() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              NoName:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  PrimaryKey: {Type: String}
              BadType:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  PrimaryKey: {Name: k, Type: Text}
              BadKey:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  PrimaryKey: {Name: k, Type: String, Other: 1}
              Unknown:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  BillingMode: PROVISIONED
              Throughput:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  ProvisionedThroughput: {ReadCapacityUnits: five, WriteCapacityUnits: 1}
            """)
        #expect(samErrors(expansion, source) == [
            "6:7 Resource with id [NoName] is invalid. Property 'PrimaryKey.Name' is required.",
            #"10:35 Resource with id [BadType] is invalid. Invalid 'Type' "Text"."#,
            "14:7 Resource with id [BadKey] is invalid. Type of property 'PrimaryKey' is invalid.",
            "18:7 Resource with id [Unknown] is invalid. property BillingMode not defined for resource of type AWS::Serverless::SimpleTable",
            "22:7 Resource with id [Throughput] is invalid. Type of property 'ProvisionedThroughput' is invalid.",
        ])
    }

    @Test func referencesToTheTableResolveAndItIsNotReportedUnexpanded() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Table:
                Type: AWS::Serverless::SimpleTable
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.h
                  Runtime: python3.12
                  Environment: {Variables: {TABLE: !Ref Table}}
                  Policies: [{DynamoDBCrudPolicy: {TableName: !Ref Table}}]
            """)
        #expect(expansion.findings.isEmpty)
        let template = expansion.template
        #expect(template?.resource(named: "Table")?.type == "AWS::DynamoDB::Table")
        #expect(template?.section(.transform) == nil)
    }
}
